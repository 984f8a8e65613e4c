import { graphql } from '../../gql';

export const EVENT_FIELDS = graphql(`
  fragment EventFields on Event {
    id
    title
    description
    descriptionHtml
    startsAt
    endsAt
    timezone
    location
    onlineUrl
    capacity
    code
    status
    publishedAt
    cancelledAt
    questionModeration
    allowAnonymousQuestions
    space {
      id
      name
      organisation {
        id
        slug
        name
      }
    }
    viewerCan {
      ask
      edit
      moderate
      register
    }
    viewerRegistration {
      id
      status
    }
  }
`);

export const POLL_FIELDS = graphql(`
  fragment PollFields on Poll {
    id
    question
    status
    multipleChoice
    createdAt
    viewerChoice
    options {
      id
      label
      position
    }
    results {
      ballots
      options {
        votes
        percentage
        option {
          id
          label
        }
      }
    }
  }
`);

export const QUESTION_FIELDS = graphql(`
  fragment QuestionFields on Question {
    id
    body
    anonymous
    authorName
    createdAt
    pinned
    status
    upvoteCount
    viewerUpvoted
  }
`);

export const EVENTS = graphql(`
  query Events($filter: EventFilter) {
    events(filter: $filter, first: 50) {
      ...EventFields
    }
  }
`);

export const EVENT = graphql(`
  query Event($id: ID!) {
    event(id: $id) {
      ...EventFields
      registrations {
        id
        status
      }
      polls {
        ...PollFields
      }
    }
  }
`);

/** Before joining, the code shows only a preview of the event. */
export const EVENT_BY_CODE = graphql(`
  query EventByCode($code: String!) {
    eventByCode(code: $code) {
      id
      title
      status
    }
  }
`);

/** What the audience page shows once joined. */
export const AUDIENCE_EVENT = graphql(`
  query AudienceEvent($id: ID!) {
    event(id: $id) {
      id
      title
      status
      allowAnonymousQuestions
      viewerCan {
        ask
      }
      polls {
        ...PollFields
      }
    }
  }
`);

export const QUESTIONS = graphql(`
  query Questions($eventId: ID!, $status: QuestionStatus, $orderBy: QuestionOrder!) {
    questions(eventId: $eventId, status: $status, orderBy: $orderBy, first: 100) {
      ...QuestionFields
    }
  }
`);

export const EVENT_UPDATED = graphql(`
  subscription EventUpdated($eventId: ID!) {
    eventUpdated(eventId: $eventId) {
      kind
      questionId
      question {
        ...QuestionFields
      }
      poll {
        ...PollFields
      }
      event {
        id
        title
        status
        cancelledAt
      }
    }
  }
`);

export const CREATE_EVENT = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      event {
        ...EventFields
      }
    }
  }
`);

export const UPDATE_EVENT = graphql(`
  mutation UpdateEvent($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      event {
        ...EventFields
      }
    }
  }
`);

export const PUBLISH_EVENT = graphql(`
  mutation PublishEvent($input: EventIdInput!) {
    publishEvent(input: $input) {
      event {
        ...EventFields
      }
    }
  }
`);

export const CANCEL_EVENT = graphql(`
  mutation CancelEvent($input: EventIdInput!) {
    cancelEvent(input: $input) {
      event {
        ...EventFields
      }
    }
  }
`);

export const REGISTER = graphql(`
  mutation RegisterForEvent($input: EventIdInput!) {
    registerForEvent(input: $input) {
      registration {
        id
        status
      }
    }
  }
`);

export const CANCEL_REGISTRATION = graphql(`
  mutation CancelRegistration($input: EventIdInput!) {
    cancelRegistration(input: $input) {
      registration {
        id
        status
      }
    }
  }
`);

export const REGISTRATIONS_CSV = graphql(`
  query EventRegistrationsCsv($eventId: ID!) {
    eventRegistrationsCsv(eventId: $eventId)
  }
`);

export const JOIN_EVENT = graphql(`
  mutation JoinEvent($input: JoinEventInput!) {
    joinEvent(input: $input) {
      guestToken
      participant {
        id
        displayName
      }
    }
  }
`);

export const ASK_QUESTION = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      question {
        ...QuestionFields
      }
    }
  }
`);

export const UPVOTE = graphql(`
  mutation UpvoteQuestion($input: QuestionIdInput!) {
    upvoteQuestion(input: $input) {
      question {
        ...QuestionFields
      }
    }
  }
`);

export const REMOVE_UPVOTE = graphql(`
  mutation RemoveUpvote($input: QuestionIdInput!) {
    removeUpvote(input: $input) {
      question {
        ...QuestionFields
      }
    }
  }
`);

export const MODERATE_QUESTION = graphql(`
  mutation ModerateQuestion($input: ModerateQuestionInput!) {
    moderateQuestion(input: $input) {
      question {
        ...QuestionFields
      }
    }
  }
`);

export const CREATE_POLL = graphql(`
  mutation CreatePoll($input: CreatePollInput!) {
    createPoll(input: $input) {
      poll {
        ...PollFields
      }
    }
  }
`);

export const OPEN_POLL = graphql(`
  mutation OpenPoll($input: PollIdInput!) {
    openPoll(input: $input) {
      poll {
        ...PollFields
      }
    }
  }
`);

export const CLOSE_POLL = graphql(`
  mutation ClosePoll($input: PollIdInput!) {
    closePoll(input: $input) {
      poll {
        ...PollFields
      }
    }
  }
`);

export const VOTE_POLL = graphql(`
  mutation VotePoll($input: VotePollInput!) {
    votePoll(input: $input) {
      poll {
        ...PollFields
      }
    }
  }
`);
