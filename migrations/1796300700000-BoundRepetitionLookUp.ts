import { MigrationInterface, QueryRunner } from "typeorm";

/** A person's latest complaints by index, so the repetition look-up reads a bounded number whatever they have sent. */
export class BoundRepetitionLookUp1796300700000 implements MigrationInterface {
    name = 'BoundRepetitionLookUp1796300700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "complainants_email_key_created_idx" ON "complainants" ("email_key", "created_at") `);
        await queryRunner.query(`CREATE INDEX "complainants_name_address_created_idx" ON "complainants" ("name_key", "address_key", "created_at") `);
        await queryRunner.query(`DROP INDEX "public"."IDX_81dd342f8838a81654860042bb"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b0a364c4e313e501e19114da6b"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_b0a364c4e313e501e19114da6b" ON "complainants" ("name_key") `);
        await queryRunner.query(`CREATE INDEX "IDX_81dd342f8838a81654860042bb" ON "complainants" ("email_key") `);
        await queryRunner.query(`DROP INDEX "public"."complainants_name_address_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."complainants_email_key_created_idx"`);
    }
}
