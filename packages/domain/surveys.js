// '@linli/domain/surveys': the survey rules apart from the root entry (see src/surveys/index.ts).
module.exports = require('./dist/surveys/index.js');
