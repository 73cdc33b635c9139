import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCaseEventQueue1795622202795 implements MigrationInterface {
    name = 'AddCaseEventQueue1795622202795'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_event_queue" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reference" character varying(20), "actor" character varying(60) NOT NULL, "type" character varying(60) NOT NULL, "details" jsonb NOT NULL, CONSTRAINT "PK_eb42d1c84022674914bedc633df" PRIMARY KEY ("id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "case_event_queue"`);
    }

}
