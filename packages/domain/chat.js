// '@linli/domain/chat': the chat rules apart from the root entry (see src/chat/index.ts).
module.exports = require('./dist/chat/index.js');
