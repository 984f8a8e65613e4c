import { graphql } from '../../gql';

export const RESOURCE_CARD_FIELDS = graphql(`
  fragment ResourceCardFields on Resource {
    id
    title
    description
    kind
    language
    tags
    url
    versionCount
    updatedAt
    space {
      id
      name
      organisation {
        id
        name
        slug
      }
    }
    latestVersion {
      id
      number
      fileName
      size
      mediaType
      url
      downloadUrl
      createdAt
    }
  }
`);

export const RESOURCES = graphql(`
  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {
    resources(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ResourceCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const NETWORK_LIBRARY = graphql(`
  query NetworkLibrary($slug: String!, $filter: ResourceFilter, $first: Int!, $after: String) {
    network(slug: $slug) {
      id
      name
      resources(filter: $filter, first: $first, after: $after) {
        edges {
          cursor
          node {
            ...ResourceCardFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const RESOURCE = graphql(`
  query Resource($id: ID!) {
    resource(id: $id) {
      ...ResourceCardFields
      createdAt
      author {
        id
        displayName
      }
      viewerCan {
        update
      }
      versions(first: 50) {
        edges {
          node {
            id
            number
            note
            fileName
            size
            mediaType
            sha256
            url
            downloadUrl
            createdAt
            author {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

export const CREATE_RESOURCE = graphql(`
  mutation CreateResource($input: CreateResourceInput!) {
    createResource(input: $input) {
      resource {
        ...ResourceCardFields
      }
    }
  }
`);

export const UPDATE_RESOURCE = graphql(`
  mutation UpdateResource($input: UpdateResourceInput!) {
    updateResource(input: $input) {
      resource {
        ...ResourceCardFields
      }
    }
  }
`);

export const DELETE_RESOURCE = graphql(`
  mutation DeleteResource($input: ResourceIdInput!) {
    deleteResource(input: $input) {
      deletedResourceId
    }
  }
`);

export const ADD_RESOURCE_VERSION = graphql(`
  mutation AddResourceVersion($input: AddResourceVersionInput!) {
    addResourceVersion(input: $input) {
      resource {
        ...ResourceCardFields
      }
      version {
        id
        number
      }
    }
  }
`);
