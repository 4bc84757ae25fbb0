import { EventsEndpoints } from '@linli/contracts';
import { createClient } from '../request/client';

/** Community events' requests, generated from the endpoint map (`EventsEndpoints`). */
export const eventsApi = createClient(EventsEndpoints);
