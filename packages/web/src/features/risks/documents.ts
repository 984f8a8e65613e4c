import { graphql } from '../../gql';

export const ASSESSMENT_FIELDS = graphql(`
  fragment AssessmentFields on RiskAssessment {
    id
    title
    subject
    sector
    region
    period
    methodology
    status
    publishedAt
    createdAt
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
    viewerCan {
      edit
      manage
    }
  }
`);

export const MITIGATION_FIELDS = graphql(`
  fragment MitigationFields on Mitigation {
    id
    action
    dueDate
    status
    completedAt
    createdAt
    owner {
      id
      displayName
    }
  }
`);

export const RISK_FIELDS = graphql(`
  fragment RiskFields on Risk {
    id
    title
    description
    process
    scheme
    indicators
    likelihood
    impact
    score
    level
    residualLikelihood
    residualImpact
    residualScore
    residualLevel
    createdAt
    updatedAt
    evidenceThreads {
      id
      title
    }
    evidenceResources {
      id
      title
    }
    mitigations {
      ...MitigationFields
    }
    history {
      id
      createdAt
      likelihood
      impact
      residualLikelihood
      residualImpact
      changedBy {
        id
        displayName
      }
    }
  }
`);

export const HEATMAP_FIELDS = graphql(`
  fragment HeatmapFields on HeatmapCell {
    likelihood
    impact
    level
    count
  }
`);

export const RISK_ASSESSMENTS = graphql(`
  query RiskAssessments($filter: RiskAssessmentFilter, $first: Int!, $after: String) {
    riskAssessments(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          ...AssessmentFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RISK_ASSESSMENT = graphql(`
  query RiskAssessment($id: ID!) {
    riskAssessment(id: $id) {
      ...AssessmentFields
      risks {
        ...RiskFields
      }
      inherent: heatmap(kind: INHERENT) {
        ...HeatmapFields
      }
      residual: heatmap(kind: RESIDUAL) {
        ...HeatmapFields
      }
    }
  }
`);

/** Spaces where the viewer may record an assessment: those of their own organisations. */
export const WRITABLE_SPACES = graphql(`
  query RiskSpaces {
    spaces(first: 100) {
      edges {
        node {
          id
          name
          organisation {
            id
            name
            viewerRole
          }
        }
      }
    }
  }
`);

export const ORGANISATION_MEMBERS = graphql(`
  query RiskOwners($organisationId: ID!) {
    members(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const CREATE_ASSESSMENT = graphql(`
  mutation CreateRiskAssessment($input: CreateRiskAssessmentInput!) {
    createRiskAssessment(input: $input) {
      assessment {
        ...AssessmentFields
      }
    }
  }
`);

export const UPDATE_ASSESSMENT = graphql(`
  mutation UpdateRiskAssessment($input: UpdateRiskAssessmentInput!) {
    updateRiskAssessment(input: $input) {
      assessment {
        ...AssessmentFields
      }
    }
  }
`);

export const ARCHIVE_ASSESSMENT = graphql(`
  mutation ArchiveRiskAssessment($id: ID!) {
    archiveRiskAssessment(input: { id: $id }) {
      assessment {
        ...AssessmentFields
      }
    }
  }
`);

export const PUBLISH_ASSESSMENT = graphql(`
  mutation PublishRiskAssessment($id: ID!) {
    publishRiskAssessment(input: { id: $id }) {
      assessment {
        ...AssessmentFields
      }
    }
  }
`);

export const UNPUBLISH_ASSESSMENT = graphql(`
  mutation UnpublishRiskAssessment($id: ID!) {
    unpublishRiskAssessment(input: { id: $id }) {
      assessment {
        ...AssessmentFields
      }
    }
  }
`);

export const ASSESSMENT_CSV = graphql(`
  query RiskAssessmentCsv($id: ID!) {
    riskAssessmentCsv(id: $id)
  }
`);

export const ADD_RISK = graphql(`
  mutation AddRisk($input: AddRiskInput!) {
    addRisk(input: $input) {
      risk {
        ...RiskFields
      }
    }
  }
`);

export const UPDATE_RISK = graphql(`
  mutation UpdateRisk($input: UpdateRiskInput!) {
    updateRisk(input: $input) {
      risk {
        ...RiskFields
      }
    }
  }
`);

export const ADD_MITIGATION = graphql(`
  mutation AddMitigation($input: AddMitigationInput!) {
    addMitigation(input: $input) {
      mitigation {
        ...MitigationFields
      }
    }
  }
`);

export const SET_MITIGATION_STATUS = graphql(`
  mutation SetMitigationStatus($input: SetMitigationStatusInput!) {
    setMitigationStatus(input: $input) {
      mitigation {
        ...MitigationFields
      }
    }
  }
`);

export const RISK_SUMMARY = graphql(`
  query RiskSummary($filter: RiskSummaryFilter) {
    riskSummary(filter: $filter) {
      assessments
      risks
      byLevel {
        level
        count
      }
      bySector {
        key
        risks
        byLevel {
          level
          count
        }
      }
      byRegion {
        key
        risks
        byLevel {
          level
          count
        }
      }
      heatmap {
        ...HeatmapFields
      }
    }
    viewer {
      id
      memberships(first: 100) {
        edges {
          node {
            id
            organisation {
              id
              networks {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const PUBLIC_RISK_ASSESSMENT = graphql(`
  query PublicRiskAssessment($id: ID!) {
    publicRiskAssessment(id: $id) {
      id
      title
      subject
      sector
      region
      period
      publishedAt
      risks {
        title
        level
        residualLevel
      }
      heatmap {
        ...HeatmapFields
      }
      residualHeatmap {
        ...HeatmapFields
      }
      mitigationProgress {
        total
        done
        overdue
      }
    }
  }
`);
