import { LoginCodes } from './login-codes';
import { PlatformState } from './platform-state';
import { ChatState } from './chat/chat-state';
import { customSend, customTyping, mediaUpload } from './routes/customer-service';
import { jscode2session } from './routes/jscode2session';
import { getUserPhoneNumber, stableToken, subscribeSend } from './routes/platform';

/** What a route handler sees: the parsed request and the server's state. */
export interface RouteContext {
  query: Record<string, string>;
  body: unknown;
  app: { appid: string; secret: string };
  codes: LoginCodes;
  platform: PlatformState;
  chat: { state: ChatState; media: Set<string>; now: () => number };
}

export interface RouteResult {
  /** HTTP status; WeChat answers errors with 200 and an errcode, so this is almost always 200. */
  status?: number;
  body: unknown;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult;

/**
 * The endpoints this server speaks, keyed by "METHOD path". To add one (stable_token,
 * getuserphonenumber, subscribe/send…), write a handler in routes/ and list it here.
 */
export const ROUTES: Record<string, RouteHandler> = {
  'GET /sns/jscode2session': jscode2session,
  'POST /cgi-bin/stable_token': stableToken,
  'POST /cgi-bin/message/subscribe/send': subscribeSend,
  'POST /wxa/business/getuserphonenumber': getUserPhoneNumber,
  'POST /cgi-bin/message/custom/send': customSend,
  'POST /cgi-bin/message/custom/typing': customTyping,
  'POST /cgi-bin/media/upload': mediaUpload,
};
