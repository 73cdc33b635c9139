import { MigrationInterface, QueryRunner } from 'typeorm';

/** The queue's search by reference, by the complainant's name or email, and its possible-offence filter. */
export class AddQueueSearch1796300000000 implements MigrationInterface {
  name = 'AddQueueSearch1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "complaints_possible_offence_due_idx" ON "complaints" ("next_due_at") WHERE possible_offence`);
    // Written by hand: TypeORM cannot express indexes on expressions (the entities mark them synchronize: false).
    await queryRunner.query(`CREATE INDEX "complaints_reference_key_idx" ON "complaints" (translate(replace(reference, '-', ''), 'OIL', '011') text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX "complainants_person_search_idx" ON "complainants" USING gin (to_tsvector('simple', name || ' ' || email))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."complainants_person_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."complaints_reference_key_idx"`);
    await queryRunner.query(`DROP INDEX "public"."complaints_possible_offence_due_idx"`);
  }
}
