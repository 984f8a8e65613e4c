import { graphql } from '../../gql';

/** Also used by the header's language switcher: kept apart so the shell does not pull in the settings page. */
export const UPDATE_PROFILE = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        displayName
        locale
      }
    }
  }
`);
