import { graphql } from '../../gql';

export const REPORTING_PAGE = graphql(`
  query ReportingPage($slug: String!) {
    reportingPage(organisationSlug: $slug) {
      organisationName
      enabled
      intro
      categories
      offerOther
    }
  }
`);

export const SUBMIT_REPORT = graphql(`
  mutation SubmitReport($input: SubmitReportInput!) {
    submitReport(input: $input) {
      receipt
    }
  }
`);

export const ATTACHMENT_FIELDS = graphql(`
  fragment ReportAttachmentFields on ReportAttachmentView {
    id
    fileName
    mediaType
    size
  }
`);

export const MESSAGE_FIELDS = graphql(`
  fragment ReportMessageFields on ReportMessageView {
    id
    fromReporter
    internal
    body
    sentOn
    attachments {
      ...ReportAttachmentFields
    }
  }
`);

export const REPORTER_VIEW_FIELDS = graphql(`
  fragment ReporterViewFields on ReporterView {
    status
    category
    title
    submittedOn
    attachments {
      ...ReportAttachmentFields
    }
    messages {
      ...ReportMessageFields
    }
  }
`);

export const REPORT_BY_RECEIPT = graphql(`
  query ReportByReceipt($receipt: String!, $proof: String!) {
    reportByReceipt(receipt: $receipt, proof: $proof) {
      ...ReporterViewFields
    }
  }
`);

export const REPLY_TO_REPORT = graphql(`
  mutation ReplyToReport($input: ReplyToReportInput!) {
    replyToReport(input: $input) {
      ...ReporterViewFields
    }
  }
`);

export const REPORTING_SETTINGS = graphql(`
  query ReportingSettings($organisationId: ID!) {
    reportingSettings(organisationId: $organisationId) {
      organisationName
      enabled
      intro
      categories
      offerOther
      handlerUserIds
    }
    members(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          role
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const CONFIGURE_REPORTING = graphql(`
  mutation ConfigureReporting($input: ConfigureReportingInput!) {
    configureReporting(input: $input) {
      organisationName
      enabled
      intro
      categories
      offerOther
      handlerUserIds
    }
  }
`);

export const REPORT_SUMMARY_FIELDS = graphql(`
  fragment ReportSummaryFields on IntegrityReportView {
    id
    status
    category
    title
    submittedOn
    acknowledgeBy
    feedbackBy
    acknowledgedOn
    lastFeedbackOn
    acknowledgementOverdue
    feedbackOverdue
    assigneeUserId
    messageCount
  }
`);

export const REPORTS = graphql(`
  query Reports($organisationId: ID!, $filter: ReportFilter, $first: Int!, $after: String) {
    reports(organisationId: $organisationId, filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ReportSummaryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const REPORT = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      ...ReportSummaryFields
      body
      occurredAt
      place
      involvedParties
      contact
      attachments {
        ...ReportAttachmentFields
      }
      messages {
        ...ReportMessageFields
      }
    }
  }
`);

export const SET_REPORT_STATUS = graphql(`
  mutation SetReportStatus($input: SetReportStatusInput!) {
    setReportStatus(input: $input) {
      id
      status
    }
  }
`);

export const MESSAGE_REPORTER = graphql(`
  mutation MessageReporter($input: MessageReporterInput!) {
    messageReporter(input: $input) {
      id
      messageCount
    }
  }
`);

export const ASSIGN_REPORT = graphql(`
  mutation AssignReport($input: AssignReportInput!) {
    assignReport(input: $input) {
      id
      assigneeUserId
    }
  }
`);

export const REPORT_ACTIVITY = graphql(`
  subscription ReportActivity($organisationId: ID!) {
    reportActivity(organisationId: $organisationId) {
      kind
      reportId
    }
  }
`);

/** The organisation's id and the viewer's role, from its slug (the inbox's address). */
export const REPORTS_ORGANISATION = graphql(`
  query ReportsOrganisation($slug: String!) {
    organisation(slug: $slug) {
      id
      name
      slug
      viewerRole
    }
  }
`);

export const REPORT_HANDLERS = graphql(`
  query ReportHandlers($organisationId: ID!) {
    reportHandlers(organisationId: $organisationId) {
      handlers
      changes {
        changedOn
        changedBy
        added
        removed
      }
    }
  }
`);
