// The real-time server alone (no pages), started as a child process by the crash test so it can be SIGKILLed.
import http from 'node:http';
import { bootstrap } from '../../../server/bootstrap';
import { loadConfig } from '../../../server/config';

const running = await bootstrap(loadConfig());
const server = http.createServer((_req, res) => res.end('collab only'));
server.on('upgrade', (req, socket, head) => {
	if (!running.collab.handleUpgrade(req, socket, head)) socket.destroy();
});
const config = loadConfig();
server.listen(config.port, config.host, () => process.send?.('listening'));
