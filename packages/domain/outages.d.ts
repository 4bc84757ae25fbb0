export * from './dist/outages/outage-rules';
