#!/usr/bin/env node
// A committed entry point so npm can link `keyward` before the TypeScript build has run.
import "../dist/cli/main.js";
