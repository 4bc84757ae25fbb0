import { OrgModule } from '../org/org.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { WorkOrder } from './entities/work-order.entity';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrders } from './work-orders.service';
import { User } from '../org/entities/user.entity';

/** Work orders (工作安排通知单) from supervisors to departments. */
@Module({
  imports: [TypeOrmModule.forFeature([WorkOrder, User]), NotificationsModule, OrgModule],
  controllers: [WorkOrdersController],
  providers: [WorkOrders],
  exports: [WorkOrders],
})
export class WorkOrdersModule {}
