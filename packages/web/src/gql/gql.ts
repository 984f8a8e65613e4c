/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyOrganisationsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      displayName\n      email\n      emailVerified\n      locale\n      createdAt\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail {\n      expiresAt\n    }\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      emailVerified\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  query ModerationQueue($organisationId: ID!) {\n    moderationQueue(organisationId: $organisationId, first: 50) {\n      edges {\n        node {\n          id\n          reason\n          createdAt\n          resolution\n          resolvedAt\n          flaggedBy {\n            id\n            displayName\n          }\n          post {\n            ...PostFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ModerationQueueDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query Notifications {\n    notifications(first: 50) {\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          threadId\n          postId\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query Search($query: String!, $filter: SearchFilter) {\n    search(query: $query, filter: $filter, first: 30) {\n      edges {\n        node {\n          kind\n          rank\n          snippetHtml\n          thread {\n            id\n            title\n            space {\n              id\n              name\n            }\n          }\n          post {\n            id\n            author {\n              id\n              displayName\n            }\n          }\n          resource {\n            id\n            title\n            kind\n            space {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query SpaceThreads(\n    $spaceId: ID!\n    $filter: ThreadFilter\n    $orderBy: ThreadOrder!\n    $first: Int!\n    $after: String\n  ) {\n    threads(spaceId: $spaceId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          tags\n          pinned\n          locked\n          replyCount\n          unreadCount\n          createdAt\n          lastActivityAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SpaceThreadsDocument,
    "\n  subscription SpaceActivity($spaceId: ID!) {\n    spaceActivity(spaceId: $spaceId) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n": typeof types.SpaceActivityDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.CreateThreadDocument,
    "\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    deletedAt\n    hiddenAt\n    author {\n      id\n      displayName\n      handle\n    }\n    replyTo {\n      id\n      bodyHtml\n      deletedAt\n      hiddenAt\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    revisions {\n      id\n      body\n      createdAt\n    }\n    viewerCan {\n      edit\n      delete\n      moderate\n      react\n    }\n  }\n": typeof types.PostFieldsFragmentDoc,
    "\n  query Thread($id: ID!, $first: Int!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      body\n      bodyHtml\n      createdAt\n      lastActivityAt\n      locked\n      pinned\n      tags\n      replyCount\n      unreadCount\n      author {\n        id\n        displayName\n        handle\n      }\n      space {\n        id\n        name\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      viewerCan {\n        delete\n        moderate\n        reply\n        update\n        react\n      }\n      reactions {\n        reaction\n        count\n        viewerReacted\n      }\n      posts(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadDocument,
    "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      postId\n      post {\n        ...PostFields\n      }\n      thread {\n        id\n        title\n        locked\n        pinned\n        tags\n        replyCount\n      }\n    }\n  }\n": typeof types.ThreadActivityDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": typeof types.CreatePostDocument,
    "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": typeof types.EditPostDocument,
    "\n  mutation DeletePost($input: PostIdInput!) {\n    deletePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": typeof types.DeletePostDocument,
    "\n  mutation ToggleReaction($input: ToggleReactionInput!) {\n    toggleReaction(input: $input) {\n      post {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n": typeof types.ToggleReactionDocument,
    "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      flag {\n        id\n      }\n    }\n  }\n": typeof types.FlagPostDocument,
    "\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": typeof types.HidePostDocument,
    "\n  mutation RestorePost($input: PostIdInput!) {\n    restorePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": typeof types.RestorePostDocument,
    "\n  mutation PinThread($input: ThreadFlagInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n        pinned\n      }\n    }\n  }\n": typeof types.PinThreadDocument,
    "\n  mutation LockThread($input: ThreadFlagInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n        locked\n        viewerCan {\n          delete\n          moderate\n          reply\n          update\n        }\n      }\n    }\n  }\n": typeof types.LockThreadDocument,
    "\n  mutation DeleteThread($input: ThreadIdInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteThreadDocument,
    "\n  mutation MarkThreadRead($input: ThreadIdInput!) {\n    markThreadRead(input: $input) {\n      thread {\n        id\n        unreadCount\n      }\n    }\n  }\n": typeof types.MarkThreadReadDocument,
    "\n  mutation ToggleThreadReaction($input: ToggleThreadReactionInput!) {\n    toggleThreadReaction(input: $input) {\n      thread {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n": typeof types.ToggleThreadReactionDocument,
    "\n  mutation UpdateThreadText($input: UpdateThreadInput!) {\n    updateThread(input: $input) {\n      thread {\n        id\n        title\n        body\n        bodyHtml\n        tags\n      }\n    }\n  }\n": typeof types.UpdateThreadTextDocument,
    "\n  query MentionableMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n    }\n  }\n": typeof types.MentionableMembersDocument,
    "\n  fragment EventFields on Event {\n    id\n    title\n    description\n    descriptionHtml\n    startsAt\n    endsAt\n    timezone\n    location\n    onlineUrl\n    capacity\n    code\n    status\n    publishedAt\n    cancelledAt\n    questionModeration\n    allowAnonymousQuestions\n    space {\n      id\n      name\n      organisation {\n        id\n        slug\n        name\n      }\n    }\n    viewerCan {\n      ask\n      edit\n      moderate\n      register\n    }\n    viewerRegistration {\n      id\n      status\n    }\n  }\n": typeof types.EventFieldsFragmentDoc,
    "\n  fragment PollFields on Poll {\n    id\n    question\n    status\n    multipleChoice\n    createdAt\n    viewerChoice\n    options {\n      id\n      label\n      position\n    }\n    results {\n      ballots\n      options {\n        votes\n        percentage\n        option {\n          id\n          label\n        }\n      }\n    }\n  }\n": typeof types.PollFieldsFragmentDoc,
    "\n  fragment QuestionFields on Question {\n    id\n    body\n    anonymous\n    authorName\n    createdAt\n    pinned\n    status\n    upvoteCount\n    viewerUpvoted\n  }\n": typeof types.QuestionFieldsFragmentDoc,
    "\n  query Events($filter: EventFilter) {\n    events(filter: $filter, first: 50) {\n      ...EventFields\n    }\n  }\n": typeof types.EventsDocument,
    "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventFields\n      registrations {\n        id\n        status\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n": typeof types.EventDocument,
    "\n  query EventByCode($code: String!) {\n    eventByCode(code: $code) {\n      id\n      title\n      status\n    }\n  }\n": typeof types.EventByCodeDocument,
    "\n  query AudienceEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      allowAnonymousQuestions\n      viewerCan {\n        ask\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n": typeof types.AudienceEventDocument,
    "\n  query Questions($eventId: ID!, $status: QuestionStatus, $orderBy: QuestionOrder!) {\n    questions(eventId: $eventId, status: $status, orderBy: $orderBy, first: 100) {\n      ...QuestionFields\n    }\n  }\n": typeof types.QuestionsDocument,
    "\n  subscription EventUpdated($eventId: ID!) {\n    eventUpdated(eventId: $eventId) {\n      kind\n      questionId\n      question {\n        ...QuestionFields\n      }\n      poll {\n        ...PollFields\n      }\n      event {\n        id\n        title\n        status\n        cancelledAt\n      }\n    }\n  }\n": typeof types.EventUpdatedDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": typeof types.CreateEventDocument,
    "\n  mutation UpdateEvent($input: UpdateEventInput!) {\n    updateEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": typeof types.UpdateEventDocument,
    "\n  mutation PublishEvent($input: EventIdInput!) {\n    publishEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": typeof types.PublishEventDocument,
    "\n  mutation CancelEvent($input: EventIdInput!) {\n    cancelEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": typeof types.CancelEventDocument,
    "\n  mutation RegisterForEvent($input: EventIdInput!) {\n    registerForEvent(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RegisterForEventDocument,
    "\n  mutation CancelRegistration($input: EventIdInput!) {\n    cancelRegistration(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CancelRegistrationDocument,
    "\n  query EventRegistrationsCsv($eventId: ID!) {\n    eventRegistrationsCsv(eventId: $eventId)\n  }\n": typeof types.EventRegistrationsCsvDocument,
    "\n  mutation JoinEvent($input: JoinEventInput!) {\n    joinEvent(input: $input) {\n      guestToken\n      participant {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.JoinEventDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": typeof types.AskQuestionDocument,
    "\n  mutation UpvoteQuestion($input: QuestionIdInput!) {\n    upvoteQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": typeof types.UpvoteQuestionDocument,
    "\n  mutation RemoveUpvote($input: QuestionIdInput!) {\n    removeUpvote(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": typeof types.RemoveUpvoteDocument,
    "\n  mutation ModerateQuestion($input: ModerateQuestionInput!) {\n    moderateQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": typeof types.ModerateQuestionDocument,
    "\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": typeof types.CreatePollDocument,
    "\n  mutation OpenPoll($input: PollIdInput!) {\n    openPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": typeof types.OpenPollDocument,
    "\n  mutation ClosePoll($input: PollIdInput!) {\n    closePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": typeof types.ClosePollDocument,
    "\n  mutation VotePoll($input: VotePollInput!) {\n    votePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": typeof types.VotePollDocument,
    "\n  query Home($first: Int!) {\n    viewer {\n      id\n      memberships(first: $first) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n              kind\n              city\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n    spaces(first: $first) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  fragment ResourceCardFields on Resource {\n    id\n    title\n    description\n    kind\n    language\n    tags\n    url\n    versionCount\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    latestVersion {\n      id\n      number\n      fileName\n      size\n      mediaType\n      url\n      downloadUrl\n      createdAt\n    }\n  }\n": typeof types.ResourceCardFieldsFragmentDoc,
    "\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ResourceCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ResourcesDocument,
    "\n  query NetworkLibrary($slug: String!, $filter: ResourceFilter, $first: Int!, $after: String) {\n    network(slug: $slug) {\n      id\n      name\n      resources(filter: $filter, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ResourceCardFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.NetworkLibraryDocument,
    "\n  query Resource($id: ID!) {\n    resource(id: $id) {\n      ...ResourceCardFields\n      createdAt\n      author {\n        id\n        displayName\n      }\n      viewerCan {\n        update\n      }\n      versions(first: 50) {\n        edges {\n          node {\n            id\n            number\n            note\n            fileName\n            size\n            mediaType\n            sha256\n            url\n            downloadUrl\n            createdAt\n            author {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ResourceDocument,
    "\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n": typeof types.CreateResourceDocument,
    "\n  mutation UpdateResource($input: UpdateResourceInput!) {\n    updateResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n": typeof types.UpdateResourceDocument,
    "\n  mutation DeleteResource($input: ResourceIdInput!) {\n    deleteResource(input: $input) {\n      deletedResourceId\n    }\n  }\n": typeof types.DeleteResourceDocument,
    "\n  mutation AddResourceVersion($input: AddResourceVersionInput!) {\n    addResourceVersion(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n      version {\n        id\n        number\n      }\n    }\n  }\n": typeof types.AddResourceVersionDocument,
    "\n  query Network($slug: String!, $first: Int!) {\n    network(slug: $slug) {\n      id\n      name\n      slug\n      description\n      createdAt\n      steward {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        invite\n      }\n      members(first: $first) {\n        edges {\n          node {\n            id\n            name\n            slug\n            kind\n            city\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.NetworkDocument,
    "\n  mutation InviteOrganisationToNetwork($input: InviteOrganisationToNetworkInput!) {\n    inviteOrganisationToNetwork(input: $input) {\n      invitation {\n        id\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.InviteOrganisationToNetworkDocument,
    "\n  query NetworkInvitations($organisationId: ID!) {\n    networkInvitations(organisationId: $organisationId) {\n      id\n      createdAt\n      network {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.NetworkInvitationsDocument,
    "\n  mutation AcceptNetworkInvitation($input: AcceptNetworkInvitationInput!) {\n    acceptNetworkInvitation(input: $input) {\n      invitation {\n        id\n        acceptedAt\n      }\n    }\n  }\n": typeof types.AcceptNetworkInvitationDocument,
    "\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      network {\n        id\n        slug\n      }\n    }\n  }\n": typeof types.CreateNetworkDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membership {\n        id\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query AuditEvents($organisationId: ID!, $first: Int!, $after: String) {\n    auditEvents(organisationId: $organisationId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          createdAt\n          targetType\n          targetId\n          data\n          target {\n            key\n            kind\n            id\n            name\n          }\n          references {\n            key\n            kind\n            id\n            name\n          }\n          actor {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        slug\n      }\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  query Invitations($organisationId: ID!) {\n    invitations(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          expiresAt\n        }\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: IdInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation LeaveOrganisation($input: LeaveOrganisationInput!) {\n    leaveOrganisation(input: $input) {\n      removedMembershipId\n    }\n  }\n": typeof types.LeaveOrganisationDocument,
    "\n  query Members($organisationId: ID!, $first: Int!) {\n    members(organisationId: $organisationId, first: $first) {\n      edges {\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      kind\n      city\n      country\n      description\n      createdAt\n      viewerRole\n      viewerCan {\n        update\n        manageMembers\n        manageNetworks\n        manageSpaces\n        manageApiTokens\n        readAuditLog\n      }\n      networks {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        kind\n        city\n        country\n        description\n      }\n    }\n  }\n": typeof types.UpdateOrganisationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      organisationName\n      email\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  query CaseMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.CaseMembersDocument,
    "\n  query ReportingPage($slug: String!) {\n    reportingPage(organisationSlug: $slug) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n    }\n  }\n": typeof types.ReportingPageDocument,
    "\n  mutation SubmitReport($input: SubmitReportInput!) {\n    submitReport(input: $input) {\n      receipt\n    }\n  }\n": typeof types.SubmitReportDocument,
    "\n  fragment ReportAttachmentFields on ReportAttachmentView {\n    id\n    fileName\n    mediaType\n    size\n  }\n": typeof types.ReportAttachmentFieldsFragmentDoc,
    "\n  fragment ReportMessageFields on ReportMessageView {\n    id\n    fromReporter\n    internal\n    body\n    sentOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n  }\n": typeof types.ReportMessageFieldsFragmentDoc,
    "\n  fragment ReporterViewFields on ReporterView {\n    status\n    category\n    title\n    submittedOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n    messages {\n      ...ReportMessageFields\n    }\n  }\n": typeof types.ReporterViewFieldsFragmentDoc,
    "\n  query ReportByReceipt($receipt: String!, $proof: String!) {\n    reportByReceipt(receipt: $receipt, proof: $proof) {\n      ...ReporterViewFields\n    }\n  }\n": typeof types.ReportByReceiptDocument,
    "\n  mutation ReplyToReport($input: ReplyToReportInput!) {\n    replyToReport(input: $input) {\n      ...ReporterViewFields\n    }\n  }\n": typeof types.ReplyToReportDocument,
    "\n  query ReportingSettings($organisationId: ID!) {\n    reportingSettings(organisationId: $organisationId) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          role\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.ReportingSettingsDocument,
    "\n  mutation ConfigureReporting($input: ConfigureReportingInput!) {\n    configureReporting(input: $input) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n  }\n": typeof types.ConfigureReportingDocument,
    "\n  fragment ReportSummaryFields on IntegrityReportView {\n    id\n    status\n    category\n    title\n    submittedOn\n    acknowledgeBy\n    feedbackBy\n    acknowledgedOn\n    lastFeedbackOn\n    acknowledgementOverdue\n    feedbackOverdue\n    assigneeUserId\n    messageCount\n  }\n": typeof types.ReportSummaryFieldsFragmentDoc,
    "\n  query Reports($organisationId: ID!, $filter: ReportFilter, $first: Int!, $after: String) {\n    reports(organisationId: $organisationId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReportSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReportsDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportSummaryFields\n      body\n      occurredAt\n      place\n      involvedParties\n      contact\n      attachments {\n        ...ReportAttachmentFields\n      }\n      messages {\n        ...ReportMessageFields\n      }\n    }\n  }\n": typeof types.ReportDocument,
    "\n  mutation SetReportStatus($input: SetReportStatusInput!) {\n    setReportStatus(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SetReportStatusDocument,
    "\n  mutation MessageReporter($input: MessageReporterInput!) {\n    messageReporter(input: $input) {\n      id\n      messageCount\n    }\n  }\n": typeof types.MessageReporterDocument,
    "\n  mutation AssignReport($input: AssignReportInput!) {\n    assignReport(input: $input) {\n      id\n      assigneeUserId\n    }\n  }\n": typeof types.AssignReportDocument,
    "\n  subscription ReportActivity($organisationId: ID!) {\n    reportActivity(organisationId: $organisationId) {\n      kind\n      reportId\n    }\n  }\n": typeof types.ReportActivityDocument,
    "\n  query ReportsOrganisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      viewerRole\n    }\n  }\n": typeof types.ReportsOrganisationDocument,
    "\n  query ReportHandlers($organisationId: ID!) {\n    reportHandlers(organisationId: $organisationId) {\n      handlers\n      changes {\n        changedOn\n        changedBy\n        added\n        removed\n      }\n    }\n  }\n": typeof types.ReportHandlersDocument,
    "\n  fragment AssessmentFields on RiskAssessment {\n    id\n    title\n    subject\n    sector\n    region\n    period\n    methodology\n    status\n    publishedAt\n    createdAt\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    viewerCan {\n      edit\n      manage\n    }\n  }\n": typeof types.AssessmentFieldsFragmentDoc,
    "\n  fragment MitigationFields on Mitigation {\n    id\n    action\n    dueDate\n    status\n    completedAt\n    createdAt\n    owner {\n      id\n      displayName\n    }\n  }\n": typeof types.MitigationFieldsFragmentDoc,
    "\n  fragment RiskFields on Risk {\n    id\n    title\n    description\n    process\n    scheme\n    indicators\n    likelihood\n    impact\n    score\n    level\n    residualLikelihood\n    residualImpact\n    residualScore\n    residualLevel\n    createdAt\n    updatedAt\n    evidenceThreads {\n      id\n      title\n    }\n    evidenceResources {\n      id\n      title\n    }\n    mitigations {\n      ...MitigationFields\n    }\n    history {\n      id\n      createdAt\n      likelihood\n      impact\n      residualLikelihood\n      residualImpact\n      changedBy {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.RiskFieldsFragmentDoc,
    "\n  fragment HeatmapFields on HeatmapCell {\n    likelihood\n    impact\n    level\n    count\n  }\n": typeof types.HeatmapFieldsFragmentDoc,
    "\n  query RiskAssessments($filter: RiskAssessmentFilter, $first: Int!, $after: String) {\n    riskAssessments(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...AssessmentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RiskAssessmentsDocument,
    "\n  query RiskAssessment($id: ID!) {\n    riskAssessment(id: $id) {\n      ...AssessmentFields\n      risks {\n        ...RiskFields\n      }\n      inherent: heatmap(kind: INHERENT) {\n        ...HeatmapFields\n      }\n      residual: heatmap(kind: RESIDUAL) {\n        ...HeatmapFields\n      }\n    }\n  }\n": typeof types.RiskAssessmentDocument,
    "\n  query RiskSpaces {\n    spaces(first: 100) {\n      edges {\n        node {\n          id\n          name\n          organisation {\n            id\n            name\n            viewerRole\n          }\n        }\n      }\n    }\n  }\n": typeof types.RiskSpacesDocument,
    "\n  query RiskOwners($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.RiskOwnersDocument,
    "\n  mutation CreateRiskAssessment($input: CreateRiskAssessmentInput!) {\n    createRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": typeof types.CreateRiskAssessmentDocument,
    "\n  mutation UpdateRiskAssessment($input: UpdateRiskAssessmentInput!) {\n    updateRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": typeof types.UpdateRiskAssessmentDocument,
    "\n  mutation ArchiveRiskAssessment($id: ID!) {\n    archiveRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": typeof types.ArchiveRiskAssessmentDocument,
    "\n  mutation PublishRiskAssessment($id: ID!) {\n    publishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": typeof types.PublishRiskAssessmentDocument,
    "\n  mutation UnpublishRiskAssessment($id: ID!) {\n    unpublishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": typeof types.UnpublishRiskAssessmentDocument,
    "\n  query RiskAssessmentCsv($id: ID!) {\n    riskAssessmentCsv(id: $id)\n  }\n": typeof types.RiskAssessmentCsvDocument,
    "\n  mutation AddRisk($input: AddRiskInput!) {\n    addRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n": typeof types.AddRiskDocument,
    "\n  mutation UpdateRisk($input: UpdateRiskInput!) {\n    updateRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n": typeof types.UpdateRiskDocument,
    "\n  mutation AddMitigation($input: AddMitigationInput!) {\n    addMitigation(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n": typeof types.AddMitigationDocument,
    "\n  mutation SetMitigationStatus($input: SetMitigationStatusInput!) {\n    setMitigationStatus(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n": typeof types.SetMitigationStatusDocument,
    "\n  query RiskSummary($filter: RiskSummaryFilter) {\n    riskSummary(filter: $filter) {\n      assessments\n      risks\n      byLevel {\n        level\n        count\n      }\n      bySector {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      byRegion {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n    }\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              networks {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RiskSummaryDocument,
    "\n  query PublicRiskAssessment($id: ID!) {\n    publicRiskAssessment(id: $id) {\n      id\n      title\n      subject\n      sector\n      region\n      period\n      publishedAt\n      risks {\n        title\n        level\n        residualLevel\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n      residualHeatmap {\n        ...HeatmapFields\n      }\n      mitigationProgress {\n        total\n        done\n        overdue\n      }\n    }\n  }\n": typeof types.PublicRiskAssessmentDocument,
    "\n  query ApiTokenOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              name\n              viewerCan {\n                manageApiTokens\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ApiTokenOrganisationsDocument,
    "\n  query ApiTokens($organisationId: ID!) {\n    apiTokens(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopes\n          tokenPrefix\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query Sessions($first: Int!) {\n    sessions(first: $first) {\n      edges {\n        node {\n          id\n          current\n          userAgent\n          createdAt\n          lastSeenAt\n          expiresAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        locale\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation CreateSpace($input: CreateSpaceInput!) {\n    createSpace(input: $input) {\n      space {\n        id\n      }\n    }\n  }\n": typeof types.CreateSpaceDocument,
    "\n  mutation UpdateSpace($input: UpdateSpaceInput!) {\n    updateSpace(input: $input) {\n      space {\n        id\n        name\n        description\n        visibility\n        updatedAt\n        network {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": typeof types.UpdateSpaceDocument,
    "\n  query OrganisationSpaces($organisationId: ID!, $first: Int!) {\n    spaces(first: $first, filter: { organisationId: $organisationId }) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          network {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.OrganisationSpacesDocument,
    "\n  query OrganisationBySlug($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n    }\n  }\n": typeof types.OrganisationBySlugDocument,
    "\n  mutation ShareSpace($input: ShareSpaceInput!) {\n    shareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": typeof types.ShareSpaceDocument,
    "\n  mutation UnshareSpace($input: ShareSpaceInput!) {\n    unshareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": typeof types.UnshareSpaceDocument,
    "\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      description\n      visibility\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n        slug\n        viewerRole\n        networks {\n          id\n          name\n        }\n      }\n      network {\n        id\n        name\n        slug\n      }\n      sharedWith {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        share\n        update\n        contribute\n      }\n    }\n  }\n": typeof types.SpaceDocument,
};
const documents: Documents = {
    "\n  query MyOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MyOrganisationsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      displayName\n      email\n      emailVerified\n      locale\n      createdAt\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail {\n      expiresAt\n    }\n  }\n": types.ResendVerificationEmailDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      emailVerified\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  query ModerationQueue($organisationId: ID!) {\n    moderationQueue(organisationId: $organisationId, first: 50) {\n      edges {\n        node {\n          id\n          reason\n          createdAt\n          resolution\n          resolvedAt\n          flaggedBy {\n            id\n            displayName\n          }\n          post {\n            ...PostFields\n          }\n        }\n      }\n    }\n  }\n": types.ModerationQueueDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query Notifications {\n    notifications(first: 50) {\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          threadId\n          postId\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query Search($query: String!, $filter: SearchFilter) {\n    search(query: $query, filter: $filter, first: 30) {\n      edges {\n        node {\n          kind\n          rank\n          snippetHtml\n          thread {\n            id\n            title\n            space {\n              id\n              name\n            }\n          }\n          post {\n            id\n            author {\n              id\n              displayName\n            }\n          }\n          resource {\n            id\n            title\n            kind\n            space {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query SpaceThreads(\n    $spaceId: ID!\n    $filter: ThreadFilter\n    $orderBy: ThreadOrder!\n    $first: Int!\n    $after: String\n  ) {\n    threads(spaceId: $spaceId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          tags\n          pinned\n          locked\n          replyCount\n          unreadCount\n          createdAt\n          lastActivityAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SpaceThreadsDocument,
    "\n  subscription SpaceActivity($spaceId: ID!) {\n    spaceActivity(spaceId: $spaceId) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n": types.SpaceActivityDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n": types.CreateThreadDocument,
    "\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    deletedAt\n    hiddenAt\n    author {\n      id\n      displayName\n      handle\n    }\n    replyTo {\n      id\n      bodyHtml\n      deletedAt\n      hiddenAt\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    revisions {\n      id\n      body\n      createdAt\n    }\n    viewerCan {\n      edit\n      delete\n      moderate\n      react\n    }\n  }\n": types.PostFieldsFragmentDoc,
    "\n  query Thread($id: ID!, $first: Int!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      body\n      bodyHtml\n      createdAt\n      lastActivityAt\n      locked\n      pinned\n      tags\n      replyCount\n      unreadCount\n      author {\n        id\n        displayName\n        handle\n      }\n      space {\n        id\n        name\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      viewerCan {\n        delete\n        moderate\n        reply\n        update\n        react\n      }\n      reactions {\n        reaction\n        count\n        viewerReacted\n      }\n      posts(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ThreadDocument,
    "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      postId\n      post {\n        ...PostFields\n      }\n      thread {\n        id\n        title\n        locked\n        pinned\n        tags\n        replyCount\n      }\n    }\n  }\n": types.ThreadActivityDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": types.CreatePostDocument,
    "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": types.EditPostDocument,
    "\n  mutation DeletePost($input: PostIdInput!) {\n    deletePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": types.DeletePostDocument,
    "\n  mutation ToggleReaction($input: ToggleReactionInput!) {\n    toggleReaction(input: $input) {\n      post {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n": types.ToggleReactionDocument,
    "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      flag {\n        id\n      }\n    }\n  }\n": types.FlagPostDocument,
    "\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": types.HidePostDocument,
    "\n  mutation RestorePost($input: PostIdInput!) {\n    restorePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n": types.RestorePostDocument,
    "\n  mutation PinThread($input: ThreadFlagInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n        pinned\n      }\n    }\n  }\n": types.PinThreadDocument,
    "\n  mutation LockThread($input: ThreadFlagInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n        locked\n        viewerCan {\n          delete\n          moderate\n          reply\n          update\n        }\n      }\n    }\n  }\n": types.LockThreadDocument,
    "\n  mutation DeleteThread($input: ThreadIdInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteThreadDocument,
    "\n  mutation MarkThreadRead($input: ThreadIdInput!) {\n    markThreadRead(input: $input) {\n      thread {\n        id\n        unreadCount\n      }\n    }\n  }\n": types.MarkThreadReadDocument,
    "\n  mutation ToggleThreadReaction($input: ToggleThreadReactionInput!) {\n    toggleThreadReaction(input: $input) {\n      thread {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n": types.ToggleThreadReactionDocument,
    "\n  mutation UpdateThreadText($input: UpdateThreadInput!) {\n    updateThread(input: $input) {\n      thread {\n        id\n        title\n        body\n        bodyHtml\n        tags\n      }\n    }\n  }\n": types.UpdateThreadTextDocument,
    "\n  query MentionableMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n    }\n  }\n": types.MentionableMembersDocument,
    "\n  fragment EventFields on Event {\n    id\n    title\n    description\n    descriptionHtml\n    startsAt\n    endsAt\n    timezone\n    location\n    onlineUrl\n    capacity\n    code\n    status\n    publishedAt\n    cancelledAt\n    questionModeration\n    allowAnonymousQuestions\n    space {\n      id\n      name\n      organisation {\n        id\n        slug\n        name\n      }\n    }\n    viewerCan {\n      ask\n      edit\n      moderate\n      register\n    }\n    viewerRegistration {\n      id\n      status\n    }\n  }\n": types.EventFieldsFragmentDoc,
    "\n  fragment PollFields on Poll {\n    id\n    question\n    status\n    multipleChoice\n    createdAt\n    viewerChoice\n    options {\n      id\n      label\n      position\n    }\n    results {\n      ballots\n      options {\n        votes\n        percentage\n        option {\n          id\n          label\n        }\n      }\n    }\n  }\n": types.PollFieldsFragmentDoc,
    "\n  fragment QuestionFields on Question {\n    id\n    body\n    anonymous\n    authorName\n    createdAt\n    pinned\n    status\n    upvoteCount\n    viewerUpvoted\n  }\n": types.QuestionFieldsFragmentDoc,
    "\n  query Events($filter: EventFilter) {\n    events(filter: $filter, first: 50) {\n      ...EventFields\n    }\n  }\n": types.EventsDocument,
    "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventFields\n      registrations {\n        id\n        status\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n": types.EventDocument,
    "\n  query EventByCode($code: String!) {\n    eventByCode(code: $code) {\n      id\n      title\n      status\n    }\n  }\n": types.EventByCodeDocument,
    "\n  query AudienceEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      allowAnonymousQuestions\n      viewerCan {\n        ask\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n": types.AudienceEventDocument,
    "\n  query Questions($eventId: ID!, $status: QuestionStatus, $orderBy: QuestionOrder!) {\n    questions(eventId: $eventId, status: $status, orderBy: $orderBy, first: 100) {\n      ...QuestionFields\n    }\n  }\n": types.QuestionsDocument,
    "\n  subscription EventUpdated($eventId: ID!) {\n    eventUpdated(eventId: $eventId) {\n      kind\n      questionId\n      question {\n        ...QuestionFields\n      }\n      poll {\n        ...PollFields\n      }\n      event {\n        id\n        title\n        status\n        cancelledAt\n      }\n    }\n  }\n": types.EventUpdatedDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": types.CreateEventDocument,
    "\n  mutation UpdateEvent($input: UpdateEventInput!) {\n    updateEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": types.UpdateEventDocument,
    "\n  mutation PublishEvent($input: EventIdInput!) {\n    publishEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": types.PublishEventDocument,
    "\n  mutation CancelEvent($input: EventIdInput!) {\n    cancelEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n": types.CancelEventDocument,
    "\n  mutation RegisterForEvent($input: EventIdInput!) {\n    registerForEvent(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n": types.RegisterForEventDocument,
    "\n  mutation CancelRegistration($input: EventIdInput!) {\n    cancelRegistration(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n": types.CancelRegistrationDocument,
    "\n  query EventRegistrationsCsv($eventId: ID!) {\n    eventRegistrationsCsv(eventId: $eventId)\n  }\n": types.EventRegistrationsCsvDocument,
    "\n  mutation JoinEvent($input: JoinEventInput!) {\n    joinEvent(input: $input) {\n      guestToken\n      participant {\n        id\n        displayName\n      }\n    }\n  }\n": types.JoinEventDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": types.AskQuestionDocument,
    "\n  mutation UpvoteQuestion($input: QuestionIdInput!) {\n    upvoteQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": types.UpvoteQuestionDocument,
    "\n  mutation RemoveUpvote($input: QuestionIdInput!) {\n    removeUpvote(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": types.RemoveUpvoteDocument,
    "\n  mutation ModerateQuestion($input: ModerateQuestionInput!) {\n    moderateQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n": types.ModerateQuestionDocument,
    "\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": types.CreatePollDocument,
    "\n  mutation OpenPoll($input: PollIdInput!) {\n    openPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": types.OpenPollDocument,
    "\n  mutation ClosePoll($input: PollIdInput!) {\n    closePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": types.ClosePollDocument,
    "\n  mutation VotePoll($input: VotePollInput!) {\n    votePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n": types.VotePollDocument,
    "\n  query Home($first: Int!) {\n    viewer {\n      id\n      memberships(first: $first) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n              kind\n              city\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n    spaces(first: $first) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  fragment ResourceCardFields on Resource {\n    id\n    title\n    description\n    kind\n    language\n    tags\n    url\n    versionCount\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    latestVersion {\n      id\n      number\n      fileName\n      size\n      mediaType\n      url\n      downloadUrl\n      createdAt\n    }\n  }\n": types.ResourceCardFieldsFragmentDoc,
    "\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ResourceCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ResourcesDocument,
    "\n  query NetworkLibrary($slug: String!, $filter: ResourceFilter, $first: Int!, $after: String) {\n    network(slug: $slug) {\n      id\n      name\n      resources(filter: $filter, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ResourceCardFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.NetworkLibraryDocument,
    "\n  query Resource($id: ID!) {\n    resource(id: $id) {\n      ...ResourceCardFields\n      createdAt\n      author {\n        id\n        displayName\n      }\n      viewerCan {\n        update\n      }\n      versions(first: 50) {\n        edges {\n          node {\n            id\n            number\n            note\n            fileName\n            size\n            mediaType\n            sha256\n            url\n            downloadUrl\n            createdAt\n            author {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ResourceDocument,
    "\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n": types.CreateResourceDocument,
    "\n  mutation UpdateResource($input: UpdateResourceInput!) {\n    updateResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n": types.UpdateResourceDocument,
    "\n  mutation DeleteResource($input: ResourceIdInput!) {\n    deleteResource(input: $input) {\n      deletedResourceId\n    }\n  }\n": types.DeleteResourceDocument,
    "\n  mutation AddResourceVersion($input: AddResourceVersionInput!) {\n    addResourceVersion(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n      version {\n        id\n        number\n      }\n    }\n  }\n": types.AddResourceVersionDocument,
    "\n  query Network($slug: String!, $first: Int!) {\n    network(slug: $slug) {\n      id\n      name\n      slug\n      description\n      createdAt\n      steward {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        invite\n      }\n      members(first: $first) {\n        edges {\n          node {\n            id\n            name\n            slug\n            kind\n            city\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.NetworkDocument,
    "\n  mutation InviteOrganisationToNetwork($input: InviteOrganisationToNetworkInput!) {\n    inviteOrganisationToNetwork(input: $input) {\n      invitation {\n        id\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.InviteOrganisationToNetworkDocument,
    "\n  query NetworkInvitations($organisationId: ID!) {\n    networkInvitations(organisationId: $organisationId) {\n      id\n      createdAt\n      network {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.NetworkInvitationsDocument,
    "\n  mutation AcceptNetworkInvitation($input: AcceptNetworkInvitationInput!) {\n    acceptNetworkInvitation(input: $input) {\n      invitation {\n        id\n        acceptedAt\n      }\n    }\n  }\n": types.AcceptNetworkInvitationDocument,
    "\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      network {\n        id\n        slug\n      }\n    }\n  }\n": types.CreateNetworkDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membership {\n        id\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query AuditEvents($organisationId: ID!, $first: Int!, $after: String) {\n    auditEvents(organisationId: $organisationId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          createdAt\n          targetType\n          targetId\n          data\n          target {\n            key\n            kind\n            id\n            name\n          }\n          references {\n            key\n            kind\n            id\n            name\n          }\n          actor {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        slug\n      }\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  query Invitations($organisationId: ID!) {\n    invitations(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          expiresAt\n        }\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: IdInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation LeaveOrganisation($input: LeaveOrganisationInput!) {\n    leaveOrganisation(input: $input) {\n      removedMembershipId\n    }\n  }\n": types.LeaveOrganisationDocument,
    "\n  query Members($organisationId: ID!, $first: Int!) {\n    members(organisationId: $organisationId, first: $first) {\n      edges {\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      kind\n      city\n      country\n      description\n      createdAt\n      viewerRole\n      viewerCan {\n        update\n        manageMembers\n        manageNetworks\n        manageSpaces\n        manageApiTokens\n        readAuditLog\n      }\n      networks {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        kind\n        city\n        country\n        description\n      }\n    }\n  }\n": types.UpdateOrganisationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      organisationName\n      email\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  query CaseMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.CaseMembersDocument,
    "\n  query ReportingPage($slug: String!) {\n    reportingPage(organisationSlug: $slug) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n    }\n  }\n": types.ReportingPageDocument,
    "\n  mutation SubmitReport($input: SubmitReportInput!) {\n    submitReport(input: $input) {\n      receipt\n    }\n  }\n": types.SubmitReportDocument,
    "\n  fragment ReportAttachmentFields on ReportAttachmentView {\n    id\n    fileName\n    mediaType\n    size\n  }\n": types.ReportAttachmentFieldsFragmentDoc,
    "\n  fragment ReportMessageFields on ReportMessageView {\n    id\n    fromReporter\n    internal\n    body\n    sentOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n  }\n": types.ReportMessageFieldsFragmentDoc,
    "\n  fragment ReporterViewFields on ReporterView {\n    status\n    category\n    title\n    submittedOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n    messages {\n      ...ReportMessageFields\n    }\n  }\n": types.ReporterViewFieldsFragmentDoc,
    "\n  query ReportByReceipt($receipt: String!, $proof: String!) {\n    reportByReceipt(receipt: $receipt, proof: $proof) {\n      ...ReporterViewFields\n    }\n  }\n": types.ReportByReceiptDocument,
    "\n  mutation ReplyToReport($input: ReplyToReportInput!) {\n    replyToReport(input: $input) {\n      ...ReporterViewFields\n    }\n  }\n": types.ReplyToReportDocument,
    "\n  query ReportingSettings($organisationId: ID!) {\n    reportingSettings(organisationId: $organisationId) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          role\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.ReportingSettingsDocument,
    "\n  mutation ConfigureReporting($input: ConfigureReportingInput!) {\n    configureReporting(input: $input) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n  }\n": types.ConfigureReportingDocument,
    "\n  fragment ReportSummaryFields on IntegrityReportView {\n    id\n    status\n    category\n    title\n    submittedOn\n    acknowledgeBy\n    feedbackBy\n    acknowledgedOn\n    lastFeedbackOn\n    acknowledgementOverdue\n    feedbackOverdue\n    assigneeUserId\n    messageCount\n  }\n": types.ReportSummaryFieldsFragmentDoc,
    "\n  query Reports($organisationId: ID!, $filter: ReportFilter, $first: Int!, $after: String) {\n    reports(organisationId: $organisationId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReportSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReportsDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportSummaryFields\n      body\n      occurredAt\n      place\n      involvedParties\n      contact\n      attachments {\n        ...ReportAttachmentFields\n      }\n      messages {\n        ...ReportMessageFields\n      }\n    }\n  }\n": types.ReportDocument,
    "\n  mutation SetReportStatus($input: SetReportStatusInput!) {\n    setReportStatus(input: $input) {\n      id\n      status\n    }\n  }\n": types.SetReportStatusDocument,
    "\n  mutation MessageReporter($input: MessageReporterInput!) {\n    messageReporter(input: $input) {\n      id\n      messageCount\n    }\n  }\n": types.MessageReporterDocument,
    "\n  mutation AssignReport($input: AssignReportInput!) {\n    assignReport(input: $input) {\n      id\n      assigneeUserId\n    }\n  }\n": types.AssignReportDocument,
    "\n  subscription ReportActivity($organisationId: ID!) {\n    reportActivity(organisationId: $organisationId) {\n      kind\n      reportId\n    }\n  }\n": types.ReportActivityDocument,
    "\n  query ReportsOrganisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      viewerRole\n    }\n  }\n": types.ReportsOrganisationDocument,
    "\n  query ReportHandlers($organisationId: ID!) {\n    reportHandlers(organisationId: $organisationId) {\n      handlers\n      changes {\n        changedOn\n        changedBy\n        added\n        removed\n      }\n    }\n  }\n": types.ReportHandlersDocument,
    "\n  fragment AssessmentFields on RiskAssessment {\n    id\n    title\n    subject\n    sector\n    region\n    period\n    methodology\n    status\n    publishedAt\n    createdAt\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    viewerCan {\n      edit\n      manage\n    }\n  }\n": types.AssessmentFieldsFragmentDoc,
    "\n  fragment MitigationFields on Mitigation {\n    id\n    action\n    dueDate\n    status\n    completedAt\n    createdAt\n    owner {\n      id\n      displayName\n    }\n  }\n": types.MitigationFieldsFragmentDoc,
    "\n  fragment RiskFields on Risk {\n    id\n    title\n    description\n    process\n    scheme\n    indicators\n    likelihood\n    impact\n    score\n    level\n    residualLikelihood\n    residualImpact\n    residualScore\n    residualLevel\n    createdAt\n    updatedAt\n    evidenceThreads {\n      id\n      title\n    }\n    evidenceResources {\n      id\n      title\n    }\n    mitigations {\n      ...MitigationFields\n    }\n    history {\n      id\n      createdAt\n      likelihood\n      impact\n      residualLikelihood\n      residualImpact\n      changedBy {\n        id\n        displayName\n      }\n    }\n  }\n": types.RiskFieldsFragmentDoc,
    "\n  fragment HeatmapFields on HeatmapCell {\n    likelihood\n    impact\n    level\n    count\n  }\n": types.HeatmapFieldsFragmentDoc,
    "\n  query RiskAssessments($filter: RiskAssessmentFilter, $first: Int!, $after: String) {\n    riskAssessments(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...AssessmentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RiskAssessmentsDocument,
    "\n  query RiskAssessment($id: ID!) {\n    riskAssessment(id: $id) {\n      ...AssessmentFields\n      risks {\n        ...RiskFields\n      }\n      inherent: heatmap(kind: INHERENT) {\n        ...HeatmapFields\n      }\n      residual: heatmap(kind: RESIDUAL) {\n        ...HeatmapFields\n      }\n    }\n  }\n": types.RiskAssessmentDocument,
    "\n  query RiskSpaces {\n    spaces(first: 100) {\n      edges {\n        node {\n          id\n          name\n          organisation {\n            id\n            name\n            viewerRole\n          }\n        }\n      }\n    }\n  }\n": types.RiskSpacesDocument,
    "\n  query RiskOwners($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.RiskOwnersDocument,
    "\n  mutation CreateRiskAssessment($input: CreateRiskAssessmentInput!) {\n    createRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": types.CreateRiskAssessmentDocument,
    "\n  mutation UpdateRiskAssessment($input: UpdateRiskAssessmentInput!) {\n    updateRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": types.UpdateRiskAssessmentDocument,
    "\n  mutation ArchiveRiskAssessment($id: ID!) {\n    archiveRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": types.ArchiveRiskAssessmentDocument,
    "\n  mutation PublishRiskAssessment($id: ID!) {\n    publishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": types.PublishRiskAssessmentDocument,
    "\n  mutation UnpublishRiskAssessment($id: ID!) {\n    unpublishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n": types.UnpublishRiskAssessmentDocument,
    "\n  query RiskAssessmentCsv($id: ID!) {\n    riskAssessmentCsv(id: $id)\n  }\n": types.RiskAssessmentCsvDocument,
    "\n  mutation AddRisk($input: AddRiskInput!) {\n    addRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n": types.AddRiskDocument,
    "\n  mutation UpdateRisk($input: UpdateRiskInput!) {\n    updateRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n": types.UpdateRiskDocument,
    "\n  mutation AddMitigation($input: AddMitigationInput!) {\n    addMitigation(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n": types.AddMitigationDocument,
    "\n  mutation SetMitigationStatus($input: SetMitigationStatusInput!) {\n    setMitigationStatus(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n": types.SetMitigationStatusDocument,
    "\n  query RiskSummary($filter: RiskSummaryFilter) {\n    riskSummary(filter: $filter) {\n      assessments\n      risks\n      byLevel {\n        level\n        count\n      }\n      bySector {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      byRegion {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n    }\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              networks {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RiskSummaryDocument,
    "\n  query PublicRiskAssessment($id: ID!) {\n    publicRiskAssessment(id: $id) {\n      id\n      title\n      subject\n      sector\n      region\n      period\n      publishedAt\n      risks {\n        title\n        level\n        residualLevel\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n      residualHeatmap {\n        ...HeatmapFields\n      }\n      mitigationProgress {\n        total\n        done\n        overdue\n      }\n    }\n  }\n": types.PublicRiskAssessmentDocument,
    "\n  query ApiTokenOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              name\n              viewerCan {\n                manageApiTokens\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ApiTokenOrganisationsDocument,
    "\n  query ApiTokens($organisationId: ID!) {\n    apiTokens(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopes\n          tokenPrefix\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query Sessions($first: Int!) {\n    sessions(first: $first) {\n      edges {\n        node {\n          id\n          current\n          userAgent\n          createdAt\n          lastSeenAt\n          expiresAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.SessionsDocument,
    "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n": types.RevokeSessionDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        locale\n      }\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation CreateSpace($input: CreateSpaceInput!) {\n    createSpace(input: $input) {\n      space {\n        id\n      }\n    }\n  }\n": types.CreateSpaceDocument,
    "\n  mutation UpdateSpace($input: UpdateSpaceInput!) {\n    updateSpace(input: $input) {\n      space {\n        id\n        name\n        description\n        visibility\n        updatedAt\n        network {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": types.UpdateSpaceDocument,
    "\n  query OrganisationSpaces($organisationId: ID!, $first: Int!) {\n    spaces(first: $first, filter: { organisationId: $organisationId }) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          network {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.OrganisationSpacesDocument,
    "\n  query OrganisationBySlug($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n    }\n  }\n": types.OrganisationBySlugDocument,
    "\n  mutation ShareSpace($input: ShareSpaceInput!) {\n    shareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": types.ShareSpaceDocument,
    "\n  mutation UnshareSpace($input: ShareSpaceInput!) {\n    unshareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n": types.UnshareSpaceDocument,
    "\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      description\n      visibility\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n        slug\n        viewerRole\n        networks {\n          id\n          name\n        }\n      }\n      network {\n        id\n        name\n        slug\n      }\n      sharedWith {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        share\n        update\n        contribute\n      }\n    }\n  }\n": types.SpaceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      displayName\n      email\n      emailVerified\n      locale\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      displayName\n      email\n      emailVerified\n      locale\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n        displayName\n        email\n        locale\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail {\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResendVerificationEmail {\n    resendVerificationEmail {\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationQueue($organisationId: ID!) {\n    moderationQueue(organisationId: $organisationId, first: 50) {\n      edges {\n        node {\n          id\n          reason\n          createdAt\n          resolution\n          resolvedAt\n          flaggedBy {\n            id\n            displayName\n          }\n          post {\n            ...PostFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationQueue($organisationId: ID!) {\n    moderationQueue(organisationId: $organisationId, first: 50) {\n      edges {\n        node {\n          id\n          reason\n          createdAt\n          resolution\n          resolvedAt\n          flaggedBy {\n            id\n            displayName\n          }\n          post {\n            ...PostFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications {\n    notifications(first: 50) {\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          threadId\n          postId\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications {\n    notifications(first: 50) {\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          readAt\n          threadId\n          postId\n          actor {\n            id\n            displayName\n          }\n          thread {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $filter: SearchFilter) {\n    search(query: $query, filter: $filter, first: 30) {\n      edges {\n        node {\n          kind\n          rank\n          snippetHtml\n          thread {\n            id\n            title\n            space {\n              id\n              name\n            }\n          }\n          post {\n            id\n            author {\n              id\n              displayName\n            }\n          }\n          resource {\n            id\n            title\n            kind\n            space {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $filter: SearchFilter) {\n    search(query: $query, filter: $filter, first: 30) {\n      edges {\n        node {\n          kind\n          rank\n          snippetHtml\n          thread {\n            id\n            title\n            space {\n              id\n              name\n            }\n          }\n          post {\n            id\n            author {\n              id\n              displayName\n            }\n          }\n          resource {\n            id\n            title\n            kind\n            space {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpaceThreads(\n    $spaceId: ID!\n    $filter: ThreadFilter\n    $orderBy: ThreadOrder!\n    $first: Int!\n    $after: String\n  ) {\n    threads(spaceId: $spaceId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          tags\n          pinned\n          locked\n          replyCount\n          unreadCount\n          createdAt\n          lastActivityAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpaceThreads(\n    $spaceId: ID!\n    $filter: ThreadFilter\n    $orderBy: ThreadOrder!\n    $first: Int!\n    $after: String\n  ) {\n    threads(spaceId: $spaceId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          title\n          tags\n          pinned\n          locked\n          replyCount\n          unreadCount\n          createdAt\n          lastActivityAt\n          author {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SpaceActivity($spaceId: ID!) {\n    spaceActivity(spaceId: $spaceId) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SpaceActivity($spaceId: ID!) {\n    spaceActivity(spaceId: $spaceId) {\n      kind\n      thread {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    deletedAt\n    hiddenAt\n    author {\n      id\n      displayName\n      handle\n    }\n    replyTo {\n      id\n      bodyHtml\n      deletedAt\n      hiddenAt\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    revisions {\n      id\n      body\n      createdAt\n    }\n    viewerCan {\n      edit\n      delete\n      moderate\n      react\n    }\n  }\n"): (typeof documents)["\n  fragment PostFields on Post {\n    id\n    body\n    bodyHtml\n    createdAt\n    editedAt\n    deletedAt\n    hiddenAt\n    author {\n      id\n      displayName\n      handle\n    }\n    replyTo {\n      id\n      bodyHtml\n      deletedAt\n      hiddenAt\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    revisions {\n      id\n      body\n      createdAt\n    }\n    viewerCan {\n      edit\n      delete\n      moderate\n      react\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Thread($id: ID!, $first: Int!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      body\n      bodyHtml\n      createdAt\n      lastActivityAt\n      locked\n      pinned\n      tags\n      replyCount\n      unreadCount\n      author {\n        id\n        displayName\n        handle\n      }\n      space {\n        id\n        name\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      viewerCan {\n        delete\n        moderate\n        reply\n        update\n        react\n      }\n      reactions {\n        reaction\n        count\n        viewerReacted\n      }\n      posts(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Thread($id: ID!, $first: Int!, $after: String) {\n    thread(id: $id) {\n      id\n      title\n      body\n      bodyHtml\n      createdAt\n      lastActivityAt\n      locked\n      pinned\n      tags\n      replyCount\n      unreadCount\n      author {\n        id\n        displayName\n        handle\n      }\n      space {\n        id\n        name\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n      viewerCan {\n        delete\n        moderate\n        reply\n        update\n        react\n      }\n      reactions {\n        reaction\n        count\n        viewerReacted\n      }\n      posts(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...PostFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      postId\n      post {\n        ...PostFields\n      }\n      thread {\n        id\n        title\n        locked\n        pinned\n        tags\n        replyCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      kind\n      postId\n      post {\n        ...PostFields\n      }\n      thread {\n        id\n        title\n        locked\n        pinned\n        tags\n        replyCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditPost($input: EditPostInput!) {\n    editPost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePost($input: PostIdInput!) {\n    deletePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePost($input: PostIdInput!) {\n    deletePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToggleReaction($input: ToggleReactionInput!) {\n    toggleReaction(input: $input) {\n      post {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ToggleReaction($input: ToggleReactionInput!) {\n    toggleReaction(input: $input) {\n      post {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      flag {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FlagPost($input: FlagPostInput!) {\n    flagPost(input: $input) {\n      flag {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HidePost($input: HidePostInput!) {\n    hidePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePost($input: PostIdInput!) {\n    restorePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePost($input: PostIdInput!) {\n    restorePost(input: $input) {\n      post {\n        ...PostFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PinThread($input: ThreadFlagInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n        pinned\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PinThread($input: ThreadFlagInput!) {\n    pinThread(input: $input) {\n      thread {\n        id\n        pinned\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockThread($input: ThreadFlagInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n        locked\n        viewerCan {\n          delete\n          moderate\n          reply\n          update\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LockThread($input: ThreadFlagInput!) {\n    lockThread(input: $input) {\n      thread {\n        id\n        locked\n        viewerCan {\n          delete\n          moderate\n          reply\n          update\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteThread($input: ThreadIdInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteThread($input: ThreadIdInput!) {\n    deleteThread(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkThreadRead($input: ThreadIdInput!) {\n    markThreadRead(input: $input) {\n      thread {\n        id\n        unreadCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkThreadRead($input: ThreadIdInput!) {\n    markThreadRead(input: $input) {\n      thread {\n        id\n        unreadCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToggleThreadReaction($input: ToggleThreadReactionInput!) {\n    toggleThreadReaction(input: $input) {\n      thread {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ToggleThreadReaction($input: ToggleThreadReactionInput!) {\n    toggleThreadReaction(input: $input) {\n      thread {\n        id\n        reactions {\n          reaction\n          count\n          viewerReacted\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateThreadText($input: UpdateThreadInput!) {\n    updateThread(input: $input) {\n      thread {\n        id\n        title\n        body\n        bodyHtml\n        tags\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateThreadText($input: UpdateThreadInput!) {\n    updateThread(input: $input) {\n      thread {\n        id\n        title\n        body\n        bodyHtml\n        tags\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentionableMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MentionableMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventFields on Event {\n    id\n    title\n    description\n    descriptionHtml\n    startsAt\n    endsAt\n    timezone\n    location\n    onlineUrl\n    capacity\n    code\n    status\n    publishedAt\n    cancelledAt\n    questionModeration\n    allowAnonymousQuestions\n    space {\n      id\n      name\n      organisation {\n        id\n        slug\n        name\n      }\n    }\n    viewerCan {\n      ask\n      edit\n      moderate\n      register\n    }\n    viewerRegistration {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment EventFields on Event {\n    id\n    title\n    description\n    descriptionHtml\n    startsAt\n    endsAt\n    timezone\n    location\n    onlineUrl\n    capacity\n    code\n    status\n    publishedAt\n    cancelledAt\n    questionModeration\n    allowAnonymousQuestions\n    space {\n      id\n      name\n      organisation {\n        id\n        slug\n        name\n      }\n    }\n    viewerCan {\n      ask\n      edit\n      moderate\n      register\n    }\n    viewerRegistration {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PollFields on Poll {\n    id\n    question\n    status\n    multipleChoice\n    createdAt\n    viewerChoice\n    options {\n      id\n      label\n      position\n    }\n    results {\n      ballots\n      options {\n        votes\n        percentage\n        option {\n          id\n          label\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PollFields on Poll {\n    id\n    question\n    status\n    multipleChoice\n    createdAt\n    viewerChoice\n    options {\n      id\n      label\n      position\n    }\n    results {\n      ballots\n      options {\n        votes\n        percentage\n        option {\n          id\n          label\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuestionFields on Question {\n    id\n    body\n    anonymous\n    authorName\n    createdAt\n    pinned\n    status\n    upvoteCount\n    viewerUpvoted\n  }\n"): (typeof documents)["\n  fragment QuestionFields on Question {\n    id\n    body\n    anonymous\n    authorName\n    createdAt\n    pinned\n    status\n    upvoteCount\n    viewerUpvoted\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($filter: EventFilter) {\n    events(filter: $filter, first: 50) {\n      ...EventFields\n    }\n  }\n"): (typeof documents)["\n  query Events($filter: EventFilter) {\n    events(filter: $filter, first: 50) {\n      ...EventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventFields\n      registrations {\n        id\n        status\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventFields\n      registrations {\n        id\n        status\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventByCode($code: String!) {\n    eventByCode(code: $code) {\n      id\n      title\n      status\n    }\n  }\n"): (typeof documents)["\n  query EventByCode($code: String!) {\n    eventByCode(code: $code) {\n      id\n      title\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AudienceEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      allowAnonymousQuestions\n      viewerCan {\n        ask\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AudienceEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      status\n      allowAnonymousQuestions\n      viewerCan {\n        ask\n      }\n      polls {\n        ...PollFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Questions($eventId: ID!, $status: QuestionStatus, $orderBy: QuestionOrder!) {\n    questions(eventId: $eventId, status: $status, orderBy: $orderBy, first: 100) {\n      ...QuestionFields\n    }\n  }\n"): (typeof documents)["\n  query Questions($eventId: ID!, $status: QuestionStatus, $orderBy: QuestionOrder!) {\n    questions(eventId: $eventId, status: $status, orderBy: $orderBy, first: 100) {\n      ...QuestionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventUpdated($eventId: ID!) {\n    eventUpdated(eventId: $eventId) {\n      kind\n      questionId\n      question {\n        ...QuestionFields\n      }\n      poll {\n        ...PollFields\n      }\n      event {\n        id\n        title\n        status\n        cancelledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription EventUpdated($eventId: ID!) {\n    eventUpdated(eventId: $eventId) {\n      kind\n      questionId\n      question {\n        ...QuestionFields\n      }\n      poll {\n        ...PollFields\n      }\n      event {\n        id\n        title\n        status\n        cancelledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvent($input: UpdateEventInput!) {\n    updateEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEvent($input: UpdateEventInput!) {\n    updateEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishEvent($input: EventIdInput!) {\n    publishEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishEvent($input: EventIdInput!) {\n    publishEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelEvent($input: EventIdInput!) {\n    cancelEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelEvent($input: EventIdInput!) {\n    cancelEvent(input: $input) {\n      event {\n        ...EventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterForEvent($input: EventIdInput!) {\n    registerForEvent(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterForEvent($input: EventIdInput!) {\n    registerForEvent(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRegistration($input: EventIdInput!) {\n    cancelRegistration(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRegistration($input: EventIdInput!) {\n    cancelRegistration(input: $input) {\n      registration {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventRegistrationsCsv($eventId: ID!) {\n    eventRegistrationsCsv(eventId: $eventId)\n  }\n"): (typeof documents)["\n  query EventRegistrationsCsv($eventId: ID!) {\n    eventRegistrationsCsv(eventId: $eventId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinEvent($input: JoinEventInput!) {\n    joinEvent(input: $input) {\n      guestToken\n      participant {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinEvent($input: JoinEventInput!) {\n    joinEvent(input: $input) {\n      guestToken\n      participant {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpvoteQuestion($input: QuestionIdInput!) {\n    upvoteQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpvoteQuestion($input: QuestionIdInput!) {\n    upvoteQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveUpvote($input: QuestionIdInput!) {\n    removeUpvote(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveUpvote($input: QuestionIdInput!) {\n    removeUpvote(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ModerateQuestion($input: ModerateQuestionInput!) {\n    moderateQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ModerateQuestion($input: ModerateQuestionInput!) {\n    moderateQuestion(input: $input) {\n      question {\n        ...QuestionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePoll($input: CreatePollInput!) {\n    createPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenPoll($input: PollIdInput!) {\n    openPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenPoll($input: PollIdInput!) {\n    openPoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePoll($input: PollIdInput!) {\n    closePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClosePoll($input: PollIdInput!) {\n    closePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VotePoll($input: VotePollInput!) {\n    votePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VotePoll($input: VotePollInput!) {\n    votePoll(input: $input) {\n      poll {\n        ...PollFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home($first: Int!) {\n    viewer {\n      id\n      memberships(first: $first) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n              kind\n              city\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n    spaces(first: $first) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home($first: Int!) {\n    viewer {\n      id\n      memberships(first: $first) {\n        edges {\n          node {\n            id\n            role\n            organisation {\n              id\n              name\n              slug\n              kind\n              city\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n    spaces(first: $first) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          organisation {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceCardFields on Resource {\n    id\n    title\n    description\n    kind\n    language\n    tags\n    url\n    versionCount\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    latestVersion {\n      id\n      number\n      fileName\n      size\n      mediaType\n      url\n      downloadUrl\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment ResourceCardFields on Resource {\n    id\n    title\n    description\n    kind\n    language\n    tags\n    url\n    versionCount\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    latestVersion {\n      id\n      number\n      fileName\n      size\n      mediaType\n      url\n      downloadUrl\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ResourceCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Resources($filter: ResourceFilter, $first: Int!, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ResourceCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NetworkLibrary($slug: String!, $filter: ResourceFilter, $first: Int!, $after: String) {\n    network(slug: $slug) {\n      id\n      name\n      resources(filter: $filter, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ResourceCardFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NetworkLibrary($slug: String!, $filter: ResourceFilter, $first: Int!, $after: String) {\n    network(slug: $slug) {\n      id\n      name\n      resources(filter: $filter, first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ResourceCardFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Resource($id: ID!) {\n    resource(id: $id) {\n      ...ResourceCardFields\n      createdAt\n      author {\n        id\n        displayName\n      }\n      viewerCan {\n        update\n      }\n      versions(first: 50) {\n        edges {\n          node {\n            id\n            number\n            note\n            fileName\n            size\n            mediaType\n            sha256\n            url\n            downloadUrl\n            createdAt\n            author {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Resource($id: ID!) {\n    resource(id: $id) {\n      ...ResourceCardFields\n      createdAt\n      author {\n        id\n        displayName\n      }\n      viewerCan {\n        update\n      }\n      versions(first: 50) {\n        edges {\n          node {\n            id\n            number\n            note\n            fileName\n            size\n            mediaType\n            sha256\n            url\n            downloadUrl\n            createdAt\n            author {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateResource($input: CreateResourceInput!) {\n    createResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateResource($input: UpdateResourceInput!) {\n    updateResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateResource($input: UpdateResourceInput!) {\n    updateResource(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteResource($input: ResourceIdInput!) {\n    deleteResource(input: $input) {\n      deletedResourceId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteResource($input: ResourceIdInput!) {\n    deleteResource(input: $input) {\n      deletedResourceId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddResourceVersion($input: AddResourceVersionInput!) {\n    addResourceVersion(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n      version {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddResourceVersion($input: AddResourceVersionInput!) {\n    addResourceVersion(input: $input) {\n      resource {\n        ...ResourceCardFields\n      }\n      version {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Network($slug: String!, $first: Int!) {\n    network(slug: $slug) {\n      id\n      name\n      slug\n      description\n      createdAt\n      steward {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        invite\n      }\n      members(first: $first) {\n        edges {\n          node {\n            id\n            name\n            slug\n            kind\n            city\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Network($slug: String!, $first: Int!) {\n    network(slug: $slug) {\n      id\n      name\n      slug\n      description\n      createdAt\n      steward {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        invite\n      }\n      members(first: $first) {\n        edges {\n          node {\n            id\n            name\n            slug\n            kind\n            city\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteOrganisationToNetwork($input: InviteOrganisationToNetworkInput!) {\n    inviteOrganisationToNetwork(input: $input) {\n      invitation {\n        id\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteOrganisationToNetwork($input: InviteOrganisationToNetworkInput!) {\n    inviteOrganisationToNetwork(input: $input) {\n      invitation {\n        id\n        organisation {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NetworkInvitations($organisationId: ID!) {\n    networkInvitations(organisationId: $organisationId) {\n      id\n      createdAt\n      network {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NetworkInvitations($organisationId: ID!) {\n    networkInvitations(organisationId: $organisationId) {\n      id\n      createdAt\n      network {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptNetworkInvitation($input: AcceptNetworkInvitationInput!) {\n    acceptNetworkInvitation(input: $input) {\n      invitation {\n        id\n        acceptedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptNetworkInvitation($input: AcceptNetworkInvitationInput!) {\n    acceptNetworkInvitation(input: $input) {\n      invitation {\n        id\n        acceptedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      network {\n        id\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNetwork($input: CreateNetworkInput!) {\n    createNetwork(input: $input) {\n      network {\n        id\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membership {\n        id\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membership {\n        id\n        role\n        organisation {\n          id\n          slug\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($organisationId: ID!, $first: Int!, $after: String) {\n    auditEvents(organisationId: $organisationId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          createdAt\n          targetType\n          targetId\n          data\n          target {\n            key\n            kind\n            id\n            name\n          }\n          references {\n            key\n            kind\n            id\n            name\n          }\n          actor {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($organisationId: ID!, $first: Int!, $after: String) {\n    auditEvents(organisationId: $organisationId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          createdAt\n          targetType\n          targetId\n          data\n          target {\n            key\n            kind\n            id\n            name\n          }\n          references {\n            key\n            kind\n            id\n            name\n          }\n          actor {\n            id\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      organisation {\n        id\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($organisationId: ID!) {\n    invitations(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          expiresAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($organisationId: ID!) {\n    invitations(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          expiresAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      invitation {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: IdInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($input: IdInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveOrganisation($input: LeaveOrganisationInput!) {\n    leaveOrganisation(input: $input) {\n      removedMembershipId\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveOrganisation($input: LeaveOrganisationInput!) {\n    leaveOrganisation(input: $input) {\n      removedMembershipId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($organisationId: ID!, $first: Int!) {\n    members(organisationId: $organisationId, first: $first) {\n      edges {\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($organisationId: ID!, $first: Int!) {\n    members(organisationId: $organisationId, first: $first) {\n      edges {\n        node {\n          id\n          role\n          createdAt\n          user {\n            id\n            displayName\n            handle\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      removedMembershipId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      kind\n      city\n      country\n      description\n      createdAt\n      viewerRole\n      viewerCan {\n        update\n        manageMembers\n        manageNetworks\n        manageSpaces\n        manageApiTokens\n        readAuditLog\n      }\n      networks {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      kind\n      city\n      country\n      description\n      createdAt\n      viewerRole\n      viewerCan {\n        update\n        manageMembers\n        manageNetworks\n        manageSpaces\n        manageApiTokens\n        readAuditLog\n      }\n      networks {\n        id\n        name\n        slug\n        steward {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        kind\n        city\n        country\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      organisation {\n        id\n        name\n        kind\n        city\n        country\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      organisationName\n      email\n    }\n  }\n"): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitationPreview(token: $token) {\n      organisationName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseMembers($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportingPage($slug: String!) {\n    reportingPage(organisationSlug: $slug) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n    }\n  }\n"): (typeof documents)["\n  query ReportingPage($slug: String!) {\n    reportingPage(organisationSlug: $slug) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReport($input: SubmitReportInput!) {\n    submitReport(input: $input) {\n      receipt\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitReport($input: SubmitReportInput!) {\n    submitReport(input: $input) {\n      receipt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportAttachmentFields on ReportAttachmentView {\n    id\n    fileName\n    mediaType\n    size\n  }\n"): (typeof documents)["\n  fragment ReportAttachmentFields on ReportAttachmentView {\n    id\n    fileName\n    mediaType\n    size\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportMessageFields on ReportMessageView {\n    id\n    fromReporter\n    internal\n    body\n    sentOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n  }\n"): (typeof documents)["\n  fragment ReportMessageFields on ReportMessageView {\n    id\n    fromReporter\n    internal\n    body\n    sentOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReporterViewFields on ReporterView {\n    status\n    category\n    title\n    submittedOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n    messages {\n      ...ReportMessageFields\n    }\n  }\n"): (typeof documents)["\n  fragment ReporterViewFields on ReporterView {\n    status\n    category\n    title\n    submittedOn\n    attachments {\n      ...ReportAttachmentFields\n    }\n    messages {\n      ...ReportMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportByReceipt($receipt: String!, $proof: String!) {\n    reportByReceipt(receipt: $receipt, proof: $proof) {\n      ...ReporterViewFields\n    }\n  }\n"): (typeof documents)["\n  query ReportByReceipt($receipt: String!, $proof: String!) {\n    reportByReceipt(receipt: $receipt, proof: $proof) {\n      ...ReporterViewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToReport($input: ReplyToReportInput!) {\n    replyToReport(input: $input) {\n      ...ReporterViewFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToReport($input: ReplyToReportInput!) {\n    replyToReport(input: $input) {\n      ...ReporterViewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportingSettings($organisationId: ID!) {\n    reportingSettings(organisationId: $organisationId) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          role\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportingSettings($organisationId: ID!) {\n    reportingSettings(organisationId: $organisationId) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          role\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureReporting($input: ConfigureReportingInput!) {\n    configureReporting(input: $input) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureReporting($input: ConfigureReportingInput!) {\n    configureReporting(input: $input) {\n      organisationName\n      enabled\n      intro\n      categories\n      offerOther\n      handlerUserIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportSummaryFields on IntegrityReportView {\n    id\n    status\n    category\n    title\n    submittedOn\n    acknowledgeBy\n    feedbackBy\n    acknowledgedOn\n    lastFeedbackOn\n    acknowledgementOverdue\n    feedbackOverdue\n    assigneeUserId\n    messageCount\n  }\n"): (typeof documents)["\n  fragment ReportSummaryFields on IntegrityReportView {\n    id\n    status\n    category\n    title\n    submittedOn\n    acknowledgeBy\n    feedbackBy\n    acknowledgedOn\n    lastFeedbackOn\n    acknowledgementOverdue\n    feedbackOverdue\n    assigneeUserId\n    messageCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports($organisationId: ID!, $filter: ReportFilter, $first: Int!, $after: String) {\n    reports(organisationId: $organisationId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReportSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Reports($organisationId: ID!, $filter: ReportFilter, $first: Int!, $after: String) {\n    reports(organisationId: $organisationId, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReportSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportSummaryFields\n      body\n      occurredAt\n      place\n      involvedParties\n      contact\n      attachments {\n        ...ReportAttachmentFields\n      }\n      messages {\n        ...ReportMessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportSummaryFields\n      body\n      occurredAt\n      place\n      involvedParties\n      contact\n      attachments {\n        ...ReportAttachmentFields\n      }\n      messages {\n        ...ReportMessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetReportStatus($input: SetReportStatusInput!) {\n    setReportStatus(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SetReportStatus($input: SetReportStatusInput!) {\n    setReportStatus(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessageReporter($input: MessageReporterInput!) {\n    messageReporter(input: $input) {\n      id\n      messageCount\n    }\n  }\n"): (typeof documents)["\n  mutation MessageReporter($input: MessageReporterInput!) {\n    messageReporter(input: $input) {\n      id\n      messageCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignReport($input: AssignReportInput!) {\n    assignReport(input: $input) {\n      id\n      assigneeUserId\n    }\n  }\n"): (typeof documents)["\n  mutation AssignReport($input: AssignReportInput!) {\n    assignReport(input: $input) {\n      id\n      assigneeUserId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReportActivity($organisationId: ID!) {\n    reportActivity(organisationId: $organisationId) {\n      kind\n      reportId\n    }\n  }\n"): (typeof documents)["\n  subscription ReportActivity($organisationId: ID!) {\n    reportActivity(organisationId: $organisationId) {\n      kind\n      reportId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportsOrganisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      viewerRole\n    }\n  }\n"): (typeof documents)["\n  query ReportsOrganisation($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n      slug\n      viewerRole\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportHandlers($organisationId: ID!) {\n    reportHandlers(organisationId: $organisationId) {\n      handlers\n      changes {\n        changedOn\n        changedBy\n        added\n        removed\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportHandlers($organisationId: ID!) {\n    reportHandlers(organisationId: $organisationId) {\n      handlers\n      changes {\n        changedOn\n        changedBy\n        added\n        removed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssessmentFields on RiskAssessment {\n    id\n    title\n    subject\n    sector\n    region\n    period\n    methodology\n    status\n    publishedAt\n    createdAt\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    viewerCan {\n      edit\n      manage\n    }\n  }\n"): (typeof documents)["\n  fragment AssessmentFields on RiskAssessment {\n    id\n    title\n    subject\n    sector\n    region\n    period\n    methodology\n    status\n    publishedAt\n    createdAt\n    updatedAt\n    space {\n      id\n      name\n      organisation {\n        id\n        name\n        slug\n      }\n    }\n    viewerCan {\n      edit\n      manage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MitigationFields on Mitigation {\n    id\n    action\n    dueDate\n    status\n    completedAt\n    createdAt\n    owner {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MitigationFields on Mitigation {\n    id\n    action\n    dueDate\n    status\n    completedAt\n    createdAt\n    owner {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RiskFields on Risk {\n    id\n    title\n    description\n    process\n    scheme\n    indicators\n    likelihood\n    impact\n    score\n    level\n    residualLikelihood\n    residualImpact\n    residualScore\n    residualLevel\n    createdAt\n    updatedAt\n    evidenceThreads {\n      id\n      title\n    }\n    evidenceResources {\n      id\n      title\n    }\n    mitigations {\n      ...MitigationFields\n    }\n    history {\n      id\n      createdAt\n      likelihood\n      impact\n      residualLikelihood\n      residualImpact\n      changedBy {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RiskFields on Risk {\n    id\n    title\n    description\n    process\n    scheme\n    indicators\n    likelihood\n    impact\n    score\n    level\n    residualLikelihood\n    residualImpact\n    residualScore\n    residualLevel\n    createdAt\n    updatedAt\n    evidenceThreads {\n      id\n      title\n    }\n    evidenceResources {\n      id\n      title\n    }\n    mitigations {\n      ...MitigationFields\n    }\n    history {\n      id\n      createdAt\n      likelihood\n      impact\n      residualLikelihood\n      residualImpact\n      changedBy {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HeatmapFields on HeatmapCell {\n    likelihood\n    impact\n    level\n    count\n  }\n"): (typeof documents)["\n  fragment HeatmapFields on HeatmapCell {\n    likelihood\n    impact\n    level\n    count\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskAssessments($filter: RiskAssessmentFilter, $first: Int!, $after: String) {\n    riskAssessments(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...AssessmentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RiskAssessments($filter: RiskAssessmentFilter, $first: Int!, $after: String) {\n    riskAssessments(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...AssessmentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskAssessment($id: ID!) {\n    riskAssessment(id: $id) {\n      ...AssessmentFields\n      risks {\n        ...RiskFields\n      }\n      inherent: heatmap(kind: INHERENT) {\n        ...HeatmapFields\n      }\n      residual: heatmap(kind: RESIDUAL) {\n        ...HeatmapFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query RiskAssessment($id: ID!) {\n    riskAssessment(id: $id) {\n      ...AssessmentFields\n      risks {\n        ...RiskFields\n      }\n      inherent: heatmap(kind: INHERENT) {\n        ...HeatmapFields\n      }\n      residual: heatmap(kind: RESIDUAL) {\n        ...HeatmapFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskSpaces {\n    spaces(first: 100) {\n      edges {\n        node {\n          id\n          name\n          organisation {\n            id\n            name\n            viewerRole\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RiskSpaces {\n    spaces(first: 100) {\n      edges {\n        node {\n          id\n          name\n          organisation {\n            id\n            name\n            viewerRole\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskOwners($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RiskOwners($organisationId: ID!) {\n    members(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          user {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRiskAssessment($input: CreateRiskAssessmentInput!) {\n    createRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRiskAssessment($input: CreateRiskAssessmentInput!) {\n    createRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRiskAssessment($input: UpdateRiskAssessmentInput!) {\n    updateRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRiskAssessment($input: UpdateRiskAssessmentInput!) {\n    updateRiskAssessment(input: $input) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveRiskAssessment($id: ID!) {\n    archiveRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveRiskAssessment($id: ID!) {\n    archiveRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishRiskAssessment($id: ID!) {\n    publishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishRiskAssessment($id: ID!) {\n    publishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishRiskAssessment($id: ID!) {\n    unpublishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnpublishRiskAssessment($id: ID!) {\n    unpublishRiskAssessment(input: { id: $id }) {\n      assessment {\n        ...AssessmentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskAssessmentCsv($id: ID!) {\n    riskAssessmentCsv(id: $id)\n  }\n"): (typeof documents)["\n  query RiskAssessmentCsv($id: ID!) {\n    riskAssessmentCsv(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRisk($input: AddRiskInput!) {\n    addRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddRisk($input: AddRiskInput!) {\n    addRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRisk($input: UpdateRiskInput!) {\n    updateRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRisk($input: UpdateRiskInput!) {\n    updateRisk(input: $input) {\n      risk {\n        ...RiskFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMitigation($input: AddMitigationInput!) {\n    addMitigation(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddMitigation($input: AddMitigationInput!) {\n    addMitigation(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMitigationStatus($input: SetMitigationStatusInput!) {\n    setMitigationStatus(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMitigationStatus($input: SetMitigationStatusInput!) {\n    setMitigationStatus(input: $input) {\n      mitigation {\n        ...MitigationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskSummary($filter: RiskSummaryFilter) {\n    riskSummary(filter: $filter) {\n      assessments\n      risks\n      byLevel {\n        level\n        count\n      }\n      bySector {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      byRegion {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n    }\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              networks {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RiskSummary($filter: RiskSummaryFilter) {\n    riskSummary(filter: $filter) {\n      assessments\n      risks\n      byLevel {\n        level\n        count\n      }\n      bySector {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      byRegion {\n        key\n        risks\n        byLevel {\n          level\n          count\n        }\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n    }\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              networks {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicRiskAssessment($id: ID!) {\n    publicRiskAssessment(id: $id) {\n      id\n      title\n      subject\n      sector\n      region\n      period\n      publishedAt\n      risks {\n        title\n        level\n        residualLevel\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n      residualHeatmap {\n        ...HeatmapFields\n      }\n      mitigationProgress {\n        total\n        done\n        overdue\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicRiskAssessment($id: ID!) {\n    publicRiskAssessment(id: $id) {\n      id\n      title\n      subject\n      sector\n      region\n      period\n      publishedAt\n      risks {\n        title\n        level\n        residualLevel\n      }\n      heatmap {\n        ...HeatmapFields\n      }\n      residualHeatmap {\n        ...HeatmapFields\n      }\n      mitigationProgress {\n        total\n        done\n        overdue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokenOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              name\n              viewerCan {\n                manageApiTokens\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokenOrganisations {\n    viewer {\n      id\n      memberships(first: 100) {\n        edges {\n          node {\n            id\n            organisation {\n              id\n              name\n              viewerCan {\n                manageApiTokens\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($organisationId: ID!) {\n    apiTokens(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopes\n          tokenPrefix\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens($organisationId: ID!) {\n    apiTokens(organisationId: $organisationId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          scopes\n          tokenPrefix\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions($first: Int!) {\n    sessions(first: $first) {\n      edges {\n        node {\n          id\n          current\n          userAgent\n          createdAt\n          lastSeenAt\n          expiresAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Sessions($first: Int!) {\n    sessions(first: $first) {\n      edges {\n        node {\n          id\n          current\n          userAgent\n          createdAt\n          lastSeenAt\n          expiresAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeSession($input: RevokeSessionInput!) {\n    revokeSession(input: $input) {\n      revokedSessionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        locale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        displayName\n        locale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSpace($input: CreateSpaceInput!) {\n    createSpace(input: $input) {\n      space {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSpace($input: CreateSpaceInput!) {\n    createSpace(input: $input) {\n      space {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSpace($input: UpdateSpaceInput!) {\n    updateSpace(input: $input) {\n      space {\n        id\n        name\n        description\n        visibility\n        updatedAt\n        network {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSpace($input: UpdateSpaceInput!) {\n    updateSpace(input: $input) {\n      space {\n        id\n        name\n        description\n        visibility\n        updatedAt\n        network {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationSpaces($organisationId: ID!, $first: Int!) {\n    spaces(first: $first, filter: { organisationId: $organisationId }) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          network {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationSpaces($organisationId: ID!, $first: Int!) {\n    spaces(first: $first, filter: { organisationId: $organisationId }) {\n      edges {\n        node {\n          id\n          name\n          description\n          visibility\n          network {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationBySlug($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query OrganisationBySlug($slug: String!) {\n    organisation(slug: $slug) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareSpace($input: ShareSpaceInput!) {\n    shareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ShareSpace($input: ShareSpaceInput!) {\n    shareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnshareSpace($input: ShareSpaceInput!) {\n    unshareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UnshareSpace($input: ShareSpaceInput!) {\n    unshareSpace(input: $input) {\n      space {\n        id\n        sharedWith {\n          id\n          name\n          slug\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      description\n      visibility\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n        slug\n        viewerRole\n        networks {\n          id\n          name\n        }\n      }\n      network {\n        id\n        name\n        slug\n      }\n      sharedWith {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        share\n        update\n        contribute\n      }\n    }\n  }\n"): (typeof documents)["\n  query Space($id: ID!) {\n    space(id: $id) {\n      id\n      name\n      description\n      visibility\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n        slug\n        viewerRole\n        networks {\n          id\n          name\n        }\n      }\n      network {\n        id\n        name\n        slug\n      }\n      sharedWith {\n        id\n        name\n        slug\n      }\n      viewerCan {\n        share\n        update\n        contribute\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;