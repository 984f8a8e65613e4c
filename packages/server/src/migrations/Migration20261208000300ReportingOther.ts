import { Migration } from '@mikro-orm/migrations';

/**
 * Reporters whose case fits none of the organisation's categories were stuck (issue #26.4): the
 * reporting page offers "Other" beside the organisation's own categories unless the
 * organisation turns it off. Existing configurations offer it too.
 */
export class Migration20261208000300ReportingOther extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table reporting_config add column offer_other boolean not null default true;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table reporting_config drop column offer_other;`);
  }
}
