import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { SlaPoliciesModule } from './modules/sla-policies/sla-policies.module';
import { OutagesModule } from './modules/outages/outages.module';
import { SurveysModule } from './modules/surveys/surveys.module';
import { CareModule } from './modules/care/care.module';
import { NoticesModule } from './modules/notices/notices.module';
import { EventsModule } from './modules/events/events.module';
import { WorkOrdersModule } from './modules/work-orders/work-orders.module';
import { DutyModule } from './modules/duty/duty.module';
import { CategoriesModule } from './modules/categories/categories.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { RetentionModule } from './modules/retention/retention.module';
import { ClockModule } from './modules/clock/clock.module';
import { HealthModule } from './modules/health/health.module';
import { HouseholdsModule } from './modules/households/households.module';
import { StaffProfilesModule } from './modules/staff-profiles/staff-profiles.module';
import { MoveOutsModule } from './modules/move-outs/move-outs.module';
import { MoveInsModule } from './modules/move-ins/move-ins.module';
import { StructureModule } from './modules/structure/structure.module';
import { MetaModule } from './modules/meta/meta.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrgModule } from './modules/org/org.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { UploadsModule } from './modules/uploads/uploads.module';
import { RateLimitsModule } from './modules/rate-limits/rate-limits.module';
import { FeedbackModule } from './modules/feedback/feedback.module';
import { WechatChatModule } from './modules/wechat/wechat-chat.module';
import { ChatModule } from './modules/chat/chat.module';

/** The whole server for one validated configuration (some routes exist only in demo or non-production mode). */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.register(config),
        DatabaseModule,
        RateLimitsModule,
        HealthModule,
        MetaModule,
        AuthModule.register(config),
        OrgModule,
        CategoriesModule,
        CalendarModule,
        SlaPoliciesModule,
        OutagesModule,
        CareModule,
        NoticesModule,
        EventsModule,
        WorkOrdersModule,
        DutyModule,
        UploadsModule,
        TicketsModule,
        NotificationsModule,
        HouseholdsModule,
        StaffProfilesModule,
        MoveOutsModule,
        MoveInsModule,
        StructureModule,
        DashboardModule,
        WechatChatModule,
        RetentionModule,
        FeedbackModule,
        SurveysModule,
        ChatModule,
      ],
    };
  }
}
