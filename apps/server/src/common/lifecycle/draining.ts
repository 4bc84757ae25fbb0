/**
 * Set once the process received SIGTERM/SIGINT (main.ts): readiness answers 503 so the load balancer
 * sends nothing new, and every response closes its connection so keep-alive clients reconnect elsewhere.
 */
export const lifecycle = { draining: false };
