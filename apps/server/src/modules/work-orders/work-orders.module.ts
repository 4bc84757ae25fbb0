import { OrgModule } from '../org/org.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { WorkOrder } from './entities/work-order.entity';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrders } from './work-orders.service';

/** Work orders (工作安排通知单) from supervisors to departments. */
@Module({
  imports: [TypeOrmModule.forFeature([WorkOrder]), NotificationsModule, OrgModule],
  controllers: [WorkOrdersController],
  providers: [WorkOrders],
  exports: [WorkOrders],
})
export class WorkOrdersModule {}
