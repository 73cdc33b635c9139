import { MigrationInterface, QueryRunner } from "typeorm";

export class AddSessionsAndIdempotencyHash1796290579837 implements MigrationInterface {
    name = 'AddSessionsAndIdempotencyHash1796290579837'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "token_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "staff_sessions_kind_check" CHECK (kind IN ('bearer', 'cookie')), CONSTRAINT "PK_b9be2467392ab95efaa3661cce2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2d3e82105bee50ac45fe3ed597" ON "staff_sessions"  ("user_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2dd2f0538f62962ddab52b9e8d" ON "staff_sessions"  ("expires_at") `);
        await queryRunner.query(`ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "idempotency_hash" character varying(64)`);
        await queryRunner.query(`ALTER TABLE "staff_sessions" ADD CONSTRAINT "FK_2d3e82105bee50ac45fe3ed5975" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_sessions" DROP CONSTRAINT "FK_2d3e82105bee50ac45fe3ed5975"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "idempotency_hash"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2dd2f0538f62962ddab52b9e8d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2d3e82105bee50ac45fe3ed597"`);
        await queryRunner.query(`DROP TABLE "staff_sessions"`);
    }

}
