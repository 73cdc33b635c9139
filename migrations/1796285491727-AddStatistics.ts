import { MigrationInterface, QueryRunner } from "typeorm";

export class AddStatistics1796285491727 implements MigrationInterface {
    name = 'AddStatistics1796285491727'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stats_daily" ("day" date NOT NULL, "measure" character varying(30) NOT NULL, "k1" character varying(60) NOT NULL DEFAULT '', "k2" character varying(60) NOT NULL DEFAULT '', "k3" character varying(60) NOT NULL DEFAULT '', "n" integer NOT NULL, CONSTRAINT "PK_99aededefaa88d5fbf255d6f74f" PRIMARY KEY ("day", "measure", "k1", "k2", "k3"))`);
        await queryRunner.query(`CREATE TABLE "stats_dirty_days" ("day" date NOT NULL, CONSTRAINT "PK_cf10608002a3a434ebb7ef60502" PRIMARY KEY ("day"))`);
        await queryRunner.query(`CREATE TABLE "stats_state" ("id" smallint NOT NULL, "last_sequence" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f041a02f93535952bfbdb7dd3e3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "stats_working_days" ("day" date NOT NULL, "ordinal" integer NOT NULL, CONSTRAINT "PK_84015bd68a9bc1eac9f4096f69f" PRIMARY KEY ("day"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "stats_working_days"`);
        await queryRunner.query(`DROP TABLE "stats_state"`);
        await queryRunner.query(`DROP TABLE "stats_dirty_days"`);
        await queryRunner.query(`DROP TABLE "stats_daily"`);
    }

}
