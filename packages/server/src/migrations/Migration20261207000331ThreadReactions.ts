import { Migration } from '@mikro-orm/migrations';

/**
 * Reactions on a thread's opening text (issue #26.10): the replies had them, the opening post did
 * not. A table of its own beside `reaction` (whose rows name a post), with the same space-based
 * policies: read where the space is readable, add where it is writable and as oneself, take back
 * only one's own. Append-and-delete only: no update grant.
 */
export class Migration20261207000331ThreadReactions extends Migration {
  override async up(): Promise<void> {
    const readable = `space_id = any ((select alany.readable_space_ids())::uuid[])`;
    const writable = `space_id = any ((select alany.writable_space_ids())::uuid[])`;
    this.addSql(`
      create table thread_reaction (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        space_id uuid not null references space (id) on delete cascade,
        thread_id uuid not null references thread (id) on delete cascade,
        user_id uuid not null references app_user (id) on delete cascade,
        kind reaction_kind not null,
        created_at timestamptz not null,
        unique (thread_id, user_id, kind)
      );`);
    this.addSql(`alter table thread_reaction enable row level security;`);
    this.addSql(`alter table thread_reaction force row level security;`);
    this.addSql(
      `create policy thread_reaction_read on thread_reaction for select using (${readable});`,
    );
    this.addSql(
      `create policy thread_reaction_write on thread_reaction for insert with check (${writable} and user_id = alany.viewer_user_id());`,
    );
    this.addSql(
      `create policy thread_reaction_delete on thread_reaction for delete using (user_id = alany.viewer_user_id());`,
    );
    this.addSql(`grant select, insert, delete on thread_reaction to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists thread_reaction;`);
  }
}
