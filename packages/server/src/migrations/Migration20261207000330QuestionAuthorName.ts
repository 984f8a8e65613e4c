import { Migration } from '@mikro-orm/migrations';

/**
 * A named question shows its asker's name to everyone who may see the question (issue #26.1).
 * The name lived only on `event_participant`, whose rows a guest may read for themselves alone,
 * so other guests saw a named question without a name. The question now carries the name the
 * asker chose to show when they asked; an anonymous question carries none.
 *
 * The database, not the application, decides what the name is: a trigger copies it from the
 * asker's own participant row (readable to the asker under row-level security) on insert, and
 * keeps it as it was on update, so no one can put another name on a question.
 */
export class Migration20261207000330QuestionAuthorName extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table question add column author_name text null;`);
    this.addSql(`
      update question q set author_name = p.display_name
      from event_participant p
      where p.id = q.participant_id and not q.anonymous;`);
    this.addSql(
      `alter table question add constraint question_anonymous_unnamed check (not anonymous or author_name is null);`,
    );
    this.addSql(`
      create function alany.question_author_name() returns trigger
      language plpgsql set search_path = pg_catalog, public, pg_temp as $$
      begin
        if tg_op = 'UPDATE' then
          new.author_name := old.author_name;
        elsif new.anonymous or new.participant_id is null then
          new.author_name := null;
        else
          new.author_name := (select display_name from event_participant where id = new.participant_id);
        end if;
        return new;
      end
      $$;`);
    this.addSql(`
      create trigger question_author_name before insert or update of author_name on question
      for each row execute function alany.question_author_name();`);
    this.addSql(`grant execute on function alany.question_author_name() to alany_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists question_author_name on question;`);
    this.addSql(`drop function if exists alany.question_author_name();`);
    this.addSql(`alter table question drop column if exists author_name;`);
  }
}
