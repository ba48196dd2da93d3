import { describe, expect, it } from "vitest";
import { readTerraform, terraformSource } from "./terraform-hcl.ts";

// `terraform validate` needs the providers downloaded; this checks what can be checked offline.
const model = readTerraform();

describe("terraform", () => {
  it("every var., local., data. and resource reference resolves", () => {
    const unresolved = model.references.filter((reference) => {
      if (reference.kind === "var") return !model.variables.has(reference.name);
      if (reference.kind === "local") return !model.locals.has(reference.name);
      if (reference.kind === "data") return !model.dataSources.has(reference.name);
      return !model.resources.has(reference.name);
    });
    expect(unresolved).toEqual([]);
    expect(model.references.length).toBeGreaterThan(50);
  });

  it("declares nothing unused", () => {
    const used = new Set(model.references.map((reference) => `${reference.kind}:${reference.name}`));
    const unused = [
      ...[...model.variables].map((name) => `var:${name}`),
      ...[...model.locals].map((name) => `local:${name}`),
      ...[...model.dataSources].map((name) => `data:${name}`),
    ].filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });

  it("provides the managed database, container services, documents bucket and secrets", () => {
    for (const resource of [
      "aws_db_instance.main",
      "aws_ecs_service.api",
      "aws_ecs_service.worker",
      "aws_ecs_task_definition.migrate",
      "aws_lb.main",
      "aws_s3_bucket.documents",
      "aws_s3_bucket_public_access_block.documents",
      "aws_s3_bucket_versioning.documents",
      "aws_s3_bucket_server_side_encryption_configuration.documents",
      "aws_secretsmanager_secret.auth_secret",
      "aws_secretsmanager_secret.database_url",
    ]) {
      expect(model.resources, resource).toContain(resource);
    }
    const text = terraformSource()
      .map((source) => source.text)
      .join("\n");
    expect(text).toMatch(/storage_encrypted\s*=\s*true/);
    expect(text).toMatch(/publicly_accessible\s*=\s*false/);
  });
});
