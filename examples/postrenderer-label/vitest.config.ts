import { defineExampleProject } from '../vitest.example.js';

export default defineExampleProject(import.meta.url);
