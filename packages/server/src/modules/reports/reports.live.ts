/** The topic a report's organisation's handlers hear new reports and messages on. */
export const reportTopic = (organisationId: string) => `reports:${organisationId}`;
