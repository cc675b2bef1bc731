import { defineHelm4Project } from '../../vitest.shared.js';

export default defineHelm4Project(import.meta.url);
