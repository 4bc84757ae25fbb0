import { CreateOrganisation1795357200000 } from './1795357200000-create-organisation';
import { CreateTicketCategories1795357260000 } from './1795357260000-create-ticket-categories';
import { CreateTickets1795357320000 } from './1795357320000-create-tickets';
import { CreateAttachments1795357380000 } from './1795357380000-create-attachments';
import { CreateNotifications1795357440000 } from './1795357440000-create-notifications';
import { CreateWechatOutbox1795357500000 } from './1795357500000-create-wechat-outbox';
import { CreateHouseholdFile1795357560000 } from './1795357560000-create-household-file';

/** Every migration in order. Listed, not globbed, so the same list works under Jest and from dist. Never edit one that has landed. */
export const MIGRATIONS = [
  CreateOrganisation1795357200000,
  CreateTicketCategories1795357260000,
  CreateTickets1795357320000,
  CreateAttachments1795357380000,
  CreateNotifications1795357440000,
  CreateWechatOutbox1795357500000,
  CreateHouseholdFile1795357560000,
];
