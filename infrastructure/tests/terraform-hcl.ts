import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { INFRA_DIR } from "./deploy-files.ts";

// A deliberately small HCL reader: enough to check that every reference resolves.

export const TERRAFORM_DIR = path.join(INFRA_DIR, "terraform");

export function terraformSource(): { file: string; text: string }[] {
  return readdirSync(TERRAFORM_DIR)
    .filter((file) => file.endsWith(".tf"))
    .map((file) => ({ file, text: stripComments(readFileSync(path.join(TERRAFORM_DIR, file), "utf8")) }));
}

function stripComments(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*(#|\/\/)/.test(line))
    .join("\n");
}

export interface TerraformModel {
  variables: Set<string>;
  locals: Set<string>;
  resources: Set<string>;
  dataSources: Set<string>;
  references: { kind: "var" | "local" | "resource" | "data"; name: string; file: string }[];
}

/** Top-level keys of every `locals { ... }` block (two-space indented `key =`). */
function localNames(text: string): string[] {
  const names: string[] = [];
  for (const block of text.matchAll(/^locals \{\n([\s\S]*?)^\}/gm)) {
    for (const match of block[1]!.matchAll(/^ {2}([a-z_][a-z0-9_]*)\s*=/gm)) names.push(match[1]!);
  }
  return names;
}

export function readTerraform(): TerraformModel {
  const model: TerraformModel = {
    variables: new Set(),
    locals: new Set(),
    resources: new Set(),
    dataSources: new Set(),
    references: [],
  };
  for (const { file, text } of terraformSource()) {
    for (const match of text.matchAll(/^variable "([\w-]+)"/gm)) model.variables.add(match[1]!);
    for (const match of text.matchAll(/^resource "([\w-]+)" "([\w-]+)"/gm)) {
      model.resources.add(`${match[1]}.${match[2]}`);
    }
    for (const match of text.matchAll(/^data "([\w-]+)" "([\w-]+)"/gm)) {
      model.dataSources.add(`${match[1]}.${match[2]}`);
    }
    for (const name of localNames(text)) model.locals.add(name);
    for (const match of text.matchAll(/(?<![\w.])var\.([a-z_][a-z0-9_]*)/g)) {
      model.references.push({ kind: "var", name: match[1]!, file });
    }
    for (const match of text.matchAll(/(?<![\w.])local\.([a-z_][a-z0-9_]*)/g)) {
      model.references.push({ kind: "local", name: match[1]!, file });
    }
    for (const match of text.matchAll(/(?<![\w.])data\.([a-z0-9_]+)\.([a-z0-9_]+)/g)) {
      model.references.push({ kind: "data", name: `${match[1]}.${match[2]}`, file });
    }
    for (const match of text.matchAll(/(?<![\w."])((?:aws|random)_[a-z0-9_]+)\.([a-z0-9_]+)/g)) {
      model.references.push({ kind: "resource", name: `${match[1]}.${match[2]}`, file });
    }
  }
  return model;
}

/** Environment variable names the task definitions set: ALL_CAPS object keys and `name = "ALL_CAPS"`. */
export function terraformEnvNames(): string[] {
  const names = new Set<string>();
  for (const { text } of terraformSource()) {
    for (const match of text.matchAll(/(?<![\w"])([A-Z][A-Z0-9_]+)\s*=(?!=)/g)) names.add(match[1]!);
    for (const match of text.matchAll(/name\s*=\s*"([A-Z][A-Z0-9_]+)"/g)) names.add(match[1]!);
  }
  return [...names];
}
