import { MigrationInterface, QueryRunner } from "typeorm";

export class AddPersonalDataErasure1796300400000 implements MigrationInterface {
    name = 'AddPersonalDataErasure1796300400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "legal_holds" ("complaint_id" uuid NOT NULL, "reason" text NOT NULL, "placed_by" uuid NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3134acffc08aa4d267850420e07" PRIMARY KEY ("complaint_id"))`);
        await queryRunner.query(`CREATE TABLE "personal_data_erasures" ("id" uuid NOT NULL, "complaint_id" uuid NOT NULL, "trigger" character varying(20) NOT NULL, "reason" text NOT NULL, "erased_by" uuid, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "removed" jsonb NOT NULL, CONSTRAINT "personal_data_erasures_trigger_check" CHECK (trigger IN ('request', 'retention')), CONSTRAINT "PK_51a50efeab3a10868e9db7b8cb2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "personal_data_erasures_erased_at_idx" ON "personal_data_erasures"  ("erased_at") `);
        await queryRunner.query(`CREATE INDEX "personal_data_erasures_complaint_idx" ON "personal_data_erasures"  ("complaint_id", "erased_at") `);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "personal_data_erased_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "legal_holds" ADD CONSTRAINT "FK_3134acffc08aa4d267850420e07" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_holds" ADD CONSTRAINT "FK_7e90a8d722dc866eb3a4fa82857" FOREIGN KEY ("placed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "personal_data_erasures" ADD CONSTRAINT "FK_cc1ff78d0b8814ab8c32aa69316" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "personal_data_erasures" ADD CONSTRAINT "FK_74b2ec7fe9b4fbff1a2db1d05ee" FOREIGN KEY ("erased_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "personal_data_erasures" DROP CONSTRAINT "FK_74b2ec7fe9b4fbff1a2db1d05ee"`);
        await queryRunner.query(`ALTER TABLE "personal_data_erasures" DROP CONSTRAINT "FK_cc1ff78d0b8814ab8c32aa69316"`);
        await queryRunner.query(`ALTER TABLE "legal_holds" DROP CONSTRAINT "FK_7e90a8d722dc866eb3a4fa82857"`);
        await queryRunner.query(`ALTER TABLE "legal_holds" DROP CONSTRAINT "FK_3134acffc08aa4d267850420e07"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "personal_data_erased_at"`);
        await queryRunner.query(`DROP INDEX "public"."personal_data_erasures_complaint_idx"`);
        await queryRunner.query(`DROP INDEX "public"."personal_data_erasures_erased_at_idx"`);
        await queryRunner.query(`DROP TABLE "personal_data_erasures"`);
        await queryRunner.query(`DROP TABLE "legal_holds"`);
    }

}
