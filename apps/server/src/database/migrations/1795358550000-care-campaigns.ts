import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';

const OCCASIONS = [
  'new_year',
  'spring_festival',
  'lantern',
  'womens_day',
  'mothers_day',
  'childrens_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
  'double_ninth',
  'custom',
];
const CARE_KIND = 'care_greeting';

/**
 * Festival care (docs/domain-rules.md §10): campaigns, one row per targeted household (the fan-out's unit of work
 * and the gift's record), and care greetings as a kind of notification and WeChat message. The kind is
 * added to whatever values the enums hold when this runs, so it composes with other migrations adding
 * kinds of their own.
 */
export class CareCampaigns1795358550000 implements MigrationInterface {
  name = 'CareCampaigns1795358550000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await db.createTable(
        portableTable(db, {
          name: 'care_campaign',
          columns: [
            { name: 'id', type: 'varchar', length: '36', isPrimary: true },
            { name: 'communityId', type: 'varchar', length: '36' },
            { name: 'occasion', type: 'simple-enum', enum: OCCASIONS },
            { name: 'title', type: 'varchar', length: '40' },
            { name: 'occasionDate', type: 'varchar', length: '10' },
            { name: 'audience', type: 'json' },
            { name: 'greeting', type: 'varchar', length: '500' },
            { name: 'imageUrl', type: 'varchar', length: '500', isNullable: true },
            { name: 'channels', type: 'json' },
            { name: 'sendAt', type: 'datetime', precision: 3, isNullable: true },
            { name: 'giftName', type: 'varchar', length: '40', isNullable: true },
            { name: 'giftStock', type: 'int', isNullable: true },
            {
              name: 'status',
              type: 'simple-enum',
              enum: ['draft', 'scheduled', 'sending', 'sent', 'cancelled'],
            },
            { name: 'ownerId', type: 'varchar', length: '36', isNullable: true },
            { name: 'targeted', type: 'int', default: 0 },
            { name: 'nextCheckAt', type: 'datetime', precision: 3, isNullable: true },
            { name: 'createdAt', type: 'datetime', precision: 3 },
            { name: 'finishedAt', type: 'datetime', precision: 3, isNullable: true },
          ],
          indices: [
            { name: 'IDX_care_campaign_community', columnNames: ['communityId', 'occasionDate'] },
            { name: 'IDX_care_campaign_next_check', columnNames: ['nextCheckAt'] },
          ],
          foreignKeys: [
            {
              name: 'FK_care_campaign_community',
              columnNames: ['communityId'],
              referencedTableName: 'community',
              referencedColumnNames: ['id'],
              onDelete: 'CASCADE',
              onUpdate: 'RESTRICT',
            },
            {
              name: 'FK_care_campaign_owner',
              columnNames: ['ownerId'],
              referencedTableName: 'user',
              referencedColumnNames: ['id'],
              onDelete: 'SET NULL',
              onUpdate: 'RESTRICT',
            },
          ],
        }),
      );
      await db.createTable(
        portableTable(db, {
          name: 'care_recipient',
          columns: [
            { name: 'id', type: 'varchar', length: '36', isPrimary: true },
            { name: 'campaignId', type: 'varchar', length: '36' },
            { name: 'householdId', type: 'varchar', length: '36' },
            { name: 'buildingId', type: 'varchar', length: '36' },
            { name: 'status', type: 'simple-enum', enum: ['pending', 'sent', 'skipped'] },
            {
              name: 'skipReason',
              type: 'simple-enum',
              enum: ['open_complaint', 'renovation'],
              isNullable: true,
            },
            { name: 'sentAt', type: 'datetime', precision: 3, isNullable: true },
            { name: 'openedAt', type: 'datetime', precision: 3, isNullable: true },
            {
              name: 'giftStatus',
              type: 'simple-enum',
              enum: ['prepared', 'delivered', 'picked_up', 'declined'],
              isNullable: true,
            },
            { name: 'giftNote', type: 'varchar', length: '200', isNullable: true },
            { name: 'giftPhotoIds', type: 'json', isNullable: true },
            { name: 'giftAt', type: 'datetime', precision: 3, isNullable: true },
            { name: 'giftById', type: 'varchar', length: '36', isNullable: true },
          ],
          indices: [
            {
              name: 'UQ_care_recipient_household',
              columnNames: ['campaignId', 'householdId'],
              isUnique: true,
            },
            { name: 'IDX_care_recipient_status', columnNames: ['campaignId', 'status'] },
            { name: 'IDX_care_recipient_building', columnNames: ['buildingId', 'giftStatus'] },
            { name: 'IDX_care_recipient_household', columnNames: ['householdId'] },
          ],
          foreignKeys: [
            {
              name: 'FK_care_recipient_campaign',
              columnNames: ['campaignId'],
              referencedTableName: 'care_campaign',
              referencedColumnNames: ['id'],
              onDelete: 'CASCADE',
              onUpdate: 'RESTRICT',
            },
            {
              name: 'FK_care_recipient_household',
              columnNames: ['householdId'],
              referencedTableName: 'household',
              referencedColumnNames: ['id'],
              onDelete: 'CASCADE',
              onUpdate: 'RESTRICT',
            },
            {
              name: 'FK_care_recipient_building',
              columnNames: ['buildingId'],
              referencedTableName: 'building',
              referencedColumnNames: ['id'],
              onDelete: 'CASCADE',
              onUpdate: 'RESTRICT',
            },
            {
              name: 'FK_care_recipient_gift_by',
              columnNames: ['giftById'],
              referencedTableName: 'user',
              referencedColumnNames: ['id'],
              onDelete: 'SET NULL',
              onUpdate: 'RESTRICT',
            },
          ],
        }),
      );
      for (const table of ['notification', 'outbox_message']) {
        const values = await enumValues(db, table, 'kind');
        if (!values.includes(CARE_KIND)) await setEnum(db, table, 'kind', [...values, CARE_KIND]);
      }
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      for (const table of ['outbox_message', 'notification']) {
        await db.query(`DELETE FROM \`${table}\` WHERE kind = '${CARE_KIND}'`);
        const values = await enumValues(db, table, 'kind');
        await setEnum(
          db,
          table,
          'kind',
          values.filter((v) => v !== CARE_KIND),
        );
      }
      await db.dropTable('care_recipient');
      await db.dropTable('care_campaign');
    });
  }
}

async function enumValues(db: QueryRunner, table: string, column: string): Promise<string[]> {
  const values = (await db.getTable(table))?.findColumnByName(column)?.enum;
  if (!values || values.length === 0) throw new Error(`${table}.${column} is not an enum`);
  return [...values];
}
