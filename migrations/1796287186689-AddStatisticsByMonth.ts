import { MigrationInterface, QueryRunner } from "typeorm";

export class AddStatisticsByMonth1796287186689 implements MigrationInterface {
    name = 'AddStatisticsByMonth1796287186689'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stats_monthly" ("month" date NOT NULL, "measure" character varying(30) NOT NULL, "k1" character varying(60) NOT NULL DEFAULT '', "k2" character varying(60) NOT NULL DEFAULT '', "k3" character varying(60) NOT NULL DEFAULT '', "n" integer NOT NULL, CONSTRAINT "PK_68af8390b59047fe2158d2a1b23" PRIMARY KEY ("month", "measure", "k1", "k2", "k3"))`);
        // Days already summed are rebuilt, which builds their months too.
        await queryRunner.query(`INSERT INTO "stats_dirty_days" ("day") SELECT DISTINCT "day" FROM "stats_daily" ON CONFLICT DO NOTHING`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "stats_monthly"`);
    }

}
