"""Judges each case with python-jsonschema (Debian's python3-jsonschema), Python's `re`.

    python3 validate.py <document.json> <cases.json> <2020-12|draft4>   ->  JSON report

OpenAPI 3.1 schemas are JSON Schema 2020-12; 3.0 schemas are close to draft 4.
"""
import json
import sys
from importlib.metadata import version

import jsonschema
from jsonschema import Draft4Validator, Draft202012Validator, RefResolver

METHODS = ("get", "put", "post", "delete", "patch")


def deref(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        target = doc
        for key in node["$ref"].lstrip("#/").split("/"):
            target = target[key.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def main():
    doc_path, cases_path, dialect = sys.argv[1:4]
    with open(doc_path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    cls = Draft202012Validator if dialect == "2020-12" else Draft4Validator
    resolver = RefResolver.from_schema(doc)
    report = {"jsonschema": version("jsonschema"), "operations": {}, "schemaErrors": []}
    for path, item in sorted(doc["paths"].items()):
        for method in METHODS:
            op = item.get(method)
            if not op or "requestBody" not in op:
                continue
            schema = deref(doc, op["requestBody"])["content"]["application/json"]["schema"]
            try:
                cls.check_schema(deref(doc, schema))
            except jsonschema.SchemaError as error:
                report["schemaErrors"].append(f"{method.upper()} {path}: {error.message}")
            validator = cls(schema, resolver=resolver)
            report["operations"][f"{method.upper()} {path}"] = [validator.is_valid(c["body"]) for c in cases]
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
