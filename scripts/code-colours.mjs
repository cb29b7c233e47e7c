#!/usr/bin/env node
// Writes app/code-colours.css from lib/mdx/code-colours.mjs (a unit test checks the two agree).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { codeColourCss } from '../lib/mdx/code-colours.mjs'

writeFileSync(path.join(import.meta.dirname, '../app/code-colours.css'), codeColourCss())
