import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCaseEventTypeIndex1795619061700 implements MigrationInterface {
    name = 'AddCaseEventTypeIndex1795619061700'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "case_events_type_sequence_idx" ON "case_events"  ("type", "sequence") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."case_events_type_sequence_idx"`);
    }

}
