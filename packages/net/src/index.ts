export { proxyAgent, proxyConfigured, proxyFor } from './proxy.js';
