import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode } from '@linli/contracts';
import { AppException } from '../../common/errors/app-exception';
import { isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { lockCommunity } from '../org/community-state';

/**
 * Every structure change runs in one transaction with the community locked (as the spreadsheet import
 * does), so two offices editing at once, or an edit and an import, cannot make duplicates.
 */
@Injectable()
export class StructureWrites {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * One transaction with the community row locked on MySQL/MariaDB (SQLite's UnitOfWork already runs
   * transactions one at a time). A unique index that still trips (a race the lock did not cover) is
   * the same refusal as the check's.
   */
  async run<T>(communityId: string, work: (db: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.unitOfWork.run(async (db) => {
        await lockCommunity(db, communityId);
        return work(db);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppException(ErrorCode.ROOM_NUMBER_TAKEN);
      throw error;
    }
  }
}
