// Node-RED settings for the webhooks benchmark's peer flow (flows.json). Only what the comparison needs: no editor,
// quiet logging, a PostgreSQL pool and crypto for the function nodes, and the raw body kept for the signature check.
const path = require('path');
const bodyParser = require(require.resolve('body-parser', { paths: [path.join(__dirname, 'node_modules', 'node-red'), __dirname] }));
const { Pool } = require('pg');

module.exports = {
    uiPort: Number(process.env.PORT || 1880),
    uiHost: '127.0.0.1',
    httpAdminRoot: false,          // no editor: the flow is fixed
    flowFile: path.join(__dirname, 'flows.json'),
    userDir: process.env.NODE_RED_USER_DIR,
    credentialSecret: false,
    logging: { console: { level: 'warn', metrics: false, audit: false } },
    // Parse JSON here, keeping the bytes Meta signed; Node-RED's own parser then sees an already-parsed body.
    httpNodeMiddleware: bodyParser.json({ limit: '3mb', verify: (req, res, buf) => { req.rawBody = buf; } }),
    functionGlobalContext: {
        crypto: require('crypto'),
        pool: new Pool({ connectionString: process.env.PG_URL, max: Number(process.env.PG_POOL || 32) }),
        appSecret: process.env.APP_SECRET,
    },
};
