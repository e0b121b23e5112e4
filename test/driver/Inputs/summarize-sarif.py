"""summarize-sarif.py LOG: validates the SARIF log LOG against the OASIS
SARIF 2.1.0 schema (exit status 1 if it does not), then prints what it says,
a line per fact, for FileCheck."""
import json
import os
import sys

import jsonschema

schema_path = os.path.join(os.path.dirname(__file__), "sarif-schema-2.1.0.json")
with open(schema_path) as schema_file:
    schema = json.load(schema_file)
with open(sys.argv[1]) as log_file:
    log = json.load(log_file)
try:
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
except jsonschema.ValidationError as error:
    print("invalid SARIF: %s" % error.message)
    sys.exit(1)
print("valid SARIF %s" % log["version"])


def place(location):
    physical = location["physicalLocation"]
    artifact = physical["artifactLocation"]
    uri = artifact["uri"]
    if "uriBaseId" in artifact:
        uri = artifact["uriBaseId"] + "/" + uri
    region = physical.get("region", {})
    return "%s:%s:%s" % (uri, region.get("startLine"), region.get("startColumn"))


for run in log["runs"]:
    driver = run["tool"]["driver"]
    print("tool %s %s %s" % (driver["name"], driver["version"], driver["informationUri"]))
    print("base %s" % run["originalUriBaseIds"]["%SRCROOT%"]["uri"])
    print("columns %s" % run["columnKind"])
    rules = driver["rules"]
    for rule in rules:
        print("rule %s: %s | %s" % (rule["id"], rule["shortDescription"]["text"], rule.get("helpUri")))
        print("  help %d characters" % len(rule["help"]["text"]))
    for invocation in run["invocations"]:
        print("executionSuccessful %s" % invocation["executionSuccessful"])
        for notification in invocation.get("toolExecutionNotifications", []):
            where = [place(l) for l in notification.get("locations", [])]
            print("notification %s %s %s" % (notification["level"], " ".join(where), notification["message"]["text"]))
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        print("result %s %s %s %s" % (result["ruleId"], result["level"],
                                      place(result["locations"][0]), result["message"]["text"]))
        for related in result.get("relatedLocations", []):
            print("  related %s %s" % (place(related), related["message"]["text"]))
        for fix in result.get("fixes", []):
            for change in fix["artifactChanges"]:
                for replacement in change["replacements"]:
                    region = replacement["deletedRegion"]
                    print("  fix %s %s:%s-%s:%s %r" % (
                        change["artifactLocation"]["uri"], region["startLine"], region["startColumn"],
                        region["endLine"], region["endColumn"], replacement["insertedContent"]["text"]))
