/** WeChat customer-service chat rules, imported as '@linli/domain/chat' (the mini-program's main package does not need them). */
export * from './conversation';
export * from './replies';
export * from './survey-text';
