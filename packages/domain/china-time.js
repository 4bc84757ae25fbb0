// '@linli/domain/china-time': the China-time helpers apart from the root entry, which would bring the whole
// domain and its holiday calendar into the mini-program's main package (see src/time/china-time.ts).
module.exports = require('./dist/time/china-time.js');
