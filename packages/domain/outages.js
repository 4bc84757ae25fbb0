// '@linli/domain/outages': the outage rules and labels apart from the root entry, which would bring the whole
// domain and its holiday calendar into the mini-program's main package (see src/outages/outage-rules.ts).
module.exports = require('./dist/outages/outage-rules.js');
