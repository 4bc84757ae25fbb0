import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';

const THEMES = [
  'housing',
  'security',
  'vehicles',
  'cleaning',
  'greening',
  'repairs',
  'events',
  'convenience',
];
// The kinds before this migration (rate_request came with 1795358310000).
const KINDS = [
  'ticket_assigned',
  'ticket_updated',
  'sla_warning',
  'sla_escalated',
  'notice',
  'rate_request',
];
const id = (name: string, nullable = false) => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const instant = (name: string, nullable = false) => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
const fk = (
  name: string,
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL',
) => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: [table === 'survey_settings' ? 'companyId' : 'id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/**
 * Satisfaction questionnaires (domain brief §9): frozen questionnaire versions, rounds with their stored
 * seed and strata, the invited households, answers saved per question, the company's survey settings,
 * and survey invitations as a kind of notification and WeChat message.
 */
export class CreateSurveys1795358350000 implements MigrationInterface {
  name = 'CreateSurveys1795358350000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await db.createTable(
        portableTable(db, {
          name: 'questionnaire',
          columns: [
            { ...id('id'), isPrimary: true },
            id('companyId'),
            id('communityId', true),
            { name: 'title', type: 'varchar', length: '60' },
            { name: 'theme', type: 'simple-enum', enum: THEMES },
            { name: 'version', type: 'int' },
            { name: 'status', type: 'simple-enum', enum: ['draft', 'published'] },
            { name: 'questions', type: 'json' },
            id('createdById', true),
            instant('createdAt'),
            instant('publishedAt', true),
          ],
          indices: [{ name: 'IDX_questionnaire_owner', columnNames: ['companyId', 'communityId'] }],
          foreignKeys: [
            fk('FK_questionnaire_company', 'companyId', 'company', 'CASCADE'),
            fk('FK_questionnaire_community', 'communityId', 'community', 'CASCADE'),
          ],
        }),
      );
      await db.createTable(
        portableTable(db, {
          name: 'survey_round',
          columns: [
            { ...id('id'), isPrimary: true },
            id('communityId'),
            id('questionnaireId'),
            { name: 'kind', type: 'simple-enum', enum: ['monthly', 'annual', 'ad_hoc'] },
            { name: 'title', type: 'varchar', length: '60' },
            {
              name: 'status',
              type: 'simple-enum',
              enum: ['draft', 'open', 'closed', 'results_published', 'cancelled'],
            },
            instant('opensAt'),
            instant('closesAt'),
            { name: 'seed', type: 'int' },
            { name: 'strata', type: 'json' },
            { name: 'recontactExcluded', type: 'int' },
            { name: 'shortfall', type: 'int' },
            id('createdById', true),
            instant('createdAt'),
            instant('sentAt', true),
            instant('closedAt', true),
            instant('resultsPublishedAt', true),
            { name: 'improvements', type: 'varchar', length: '500', isNullable: true },
            instant('nextCheckAt', true),
            instant('remindedAt', true),
          ],
          indices: [
            { name: 'IDX_survey_round_community', columnNames: ['communityId', 'closesAt'] },
            { name: 'IDX_survey_round_next_check', columnNames: ['nextCheckAt'] },
          ],
          foreignKeys: [
            fk('FK_survey_round_community', 'communityId', 'community', 'CASCADE'),
            fk('FK_survey_round_questionnaire', 'questionnaireId', 'questionnaire', 'RESTRICT'),
          ],
        }),
      );
      await db.createTable(
        portableTable(db, {
          name: 'survey_invite',
          columns: [
            { ...id('id'), isPrimary: true },
            id('roundId'),
            id('householdId'),
            id('buildingId'),
            { name: 'source', type: 'simple-enum', enum: ['random', 'complainer', 'manual'] },
            instant('invitedAt'),
            instant('completedAt', true),
            id('completedById', true),
            { name: 'rated', type: 'int', default: 0 },
            { name: 'satisfied', type: 'int', default: 0 },
          ],
          indices: [
            {
              name: 'IDX_survey_invite_round_household',
              columnNames: ['roundId', 'householdId'],
              isUnique: true,
            },
            { name: 'IDX_survey_invite_household', columnNames: ['householdId', 'invitedAt'] },
          ],
          foreignKeys: [
            fk('FK_survey_invite_round', 'roundId', 'survey_round', 'CASCADE'),
            fk('FK_survey_invite_household', 'householdId', 'household', 'CASCADE'),
          ],
        }),
      );
      await db.createTable(
        portableTable(db, {
          name: 'survey_answer',
          columns: [
            { ...id('id'), isPrimary: true },
            id('roundId'),
            id('inviteId'),
            { name: 'questionId', type: 'varchar', length: '20' },
            { name: 'theme', type: 'simple-enum', enum: THEMES },
            { name: 'value', type: 'json' },
            { name: 'satisfied', type: 'boolean', isNullable: true },
            { name: 'tag', type: 'varchar', length: '30', isNullable: true },
            id('answeredById', true),
            instant('answeredAt'),
          ],
          indices: [
            {
              name: 'IDX_survey_answer_invite_question',
              columnNames: ['inviteId', 'questionId'],
              isUnique: true,
            },
            {
              name: 'IDX_survey_answer_round',
              columnNames: ['roundId', 'questionId', 'satisfied'],
            },
          ],
          foreignKeys: [fk('FK_survey_answer_invite', 'inviteId', 'survey_invite', 'CASCADE')],
        }),
      );
      await db.createTable(
        portableTable(db, {
          name: 'survey_settings',
          columns: [
            { ...id('companyId'), isPrimary: true },
            { name: 'staffSeeHouseholdAnswers', type: 'boolean' },
            { name: 'recontactDays', type: 'int' },
            { name: 'reminderHoursBeforeClose', type: 'int' },
            { name: 'monthlyRatePercent', type: 'int' },
            { name: 'annualRatePercent', type: 'int' },
            { name: 'targetPercent', type: 'int' },
            instant('updatedAt'),
          ],
          foreignKeys: [fk('FK_survey_settings_company', 'companyId', 'company', 'CASCADE')],
        }),
      );
      await setEnum(db, 'notification', 'kind', [...KINDS, 'survey_invite']);
      await setEnum(db, 'outbox_message', 'kind', [...KINDS, 'survey_invite']);
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await db.query(
        `DELETE FROM ${db.connection.driver.escape('notification')} WHERE kind = 'survey_invite'`,
      );
      await db.query(
        `DELETE FROM ${db.connection.driver.escape('outbox_message')} WHERE kind = 'survey_invite'`,
      );
      await setEnum(db, 'outbox_message', 'kind', KINDS);
      await setEnum(db, 'notification', 'kind', KINDS);
      for (const table of [
        'survey_settings',
        'survey_answer',
        'survey_invite',
        'survey_round',
        'questionnaire',
      ])
        await db.dropTable(table);
    });
  }
}
