import Yams

/// Renders an OpenAPI document as one plain HTML page, server-side and with no external assets: every
/// operation (method, path, summary, description, parameters, responses) and every schema with its properties.
enum DocsPage {
    static func render(_ root: Node) -> String {
        let title = root["info"]?["title"]?.string ?? "API"
        let version = root["info"]?["version"]?.string ?? ""
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
        .op{border:1px solid #ccc;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
        .method{display:inline-block;min-width:4.5rem;font-weight:bold;text-transform:uppercase}
        code{background:#f4f4f4;padding:0 .2rem}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
        </style></head><body>
        <h1>\(escape(title)) <small>\(escape(version))</small></h1>
        <p>\(escape(root["info"]?["description"]?.string ?? ""))</p>
        <p>Machine-readable document: <a href="openapi"><code>openapi</code></a> (JSON).</p>
        <h2>Operations</h2>

        """
        for (path, item) in root["paths"]?.mapping ?? [:] {
            for (method, operation) in item.mapping ?? [:] {
                guard let name = method.string, OpenAPIDocument.methods.contains(name) else { continue }
                html += operationHTML(method: name, path: path.string ?? "", operation: operation, shared: item["parameters"])
            }
        }
        html += "<h2>Schemas</h2>\n"
        for (name, schema) in root["components"]?["schemas"]?.mapping ?? [:] {
            html += schemaHTML(name: name.string ?? "", schema: schema)
        }
        return html + "</body></html>\n"
    }

    private static func operationHTML(method: String, path: String, operation: Node, shared: Node?) -> String {
        var html = "<div class=\"op\"><p><span class=\"method\">\(escape(method))</span> <code>\(escape(path))</code></p>\n"
        html += "<p><strong>\(escape(operation["summary"]?.string ?? ""))</strong></p>\n"
        if let description = operation["description"]?.string { html += "<p>\(escape(description))</p>\n" }
        let parameters = (shared?.sequence.map(Array.init) ?? []) + (operation["parameters"]?.sequence.map(Array.init) ?? [])
        if !parameters.isEmpty {
            html += "<table><tr><th>parameter</th><th>in</th><th>description</th></tr>\n"
            for parameter in parameters {
                let name = parameter["name"]?.string ?? reference(parameter)
                html += "<tr><td><code>\(escape(name))</code></td><td>\(escape(parameter["in"]?.string ?? ""))</td>"
                html += "<td>\(escape(parameter["description"]?.string ?? ""))</td></tr>\n"
            }
            html += "</table>\n"
        }
        if let body = operation["requestBody"]?["content"]?["application/json"]?["schema"] {
            html += "<p>Body: <code>\(escape(reference(body)))</code></p>\n"
        }
        html += "<p>Responses:</p><ul>\n"
        for (status, response) in operation["responses"]?.mapping ?? [:] {
            let schema = response["content"]?["application/json"]?["schema"].map(reference) ?? ""
            html += "<li><code>\(escape(status.string ?? ""))</code> \(escape(response["description"]?.string ?? ""))"
            html += schema.isEmpty ? "</li>\n" : " <code>\(escape(schema))</code></li>\n"
        }
        return html + "</ul></div>\n"
    }

    private static func schemaHTML(name: String, schema: Node) -> String {
        var html = "<h3 id=\"\(escape(name))\">\(escape(name))</h3>\n"
        if let description = schema["description"]?.string { html += "<p>\(escape(description))</p>\n" }
        let parts = schema["allOf"]?.sequence.map(Array.init) ?? [schema]
        for part in parts {
            if part["$ref"] != nil { html += "<p>Includes <code>\(escape(reference(part)))</code>.</p>\n" }
            let required = Set(part["required"]?.sequence?.compactMap(\.string) ?? [])
            guard let properties = part["properties"]?.mapping, !properties.isEmpty else { continue }
            html += "<table><tr><th>property</th><th>type</th><th>required</th><th>description</th></tr>\n"
            for (key, property) in properties {
                let field = key.string ?? ""
                html += "<tr><td><code>\(escape(field))</code></td><td>\(escape(typeName(property)))</td>"
                html += "<td>\(required.contains(field) ? "yes" : "")</td><td>\(escape(property["description"]?.string ?? ""))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }

    private static func typeName(_ node: Node) -> String {
        if node["$ref"] != nil { return reference(node) }
        let type = node["type"]?.string ?? ""
        if type == "array", let items = node["items"] { return "array of \(typeName(items))" }
        let format = node["format"]?.string.map { " (\($0))" } ?? ""
        return type + format + (node["nullable"]?.bool == true ? ", nullable" : "")
    }

    private static func reference(_ node: Node) -> String {
        (node["$ref"]?.string ?? node["type"]?.string ?? "").split(separator: "/").last.map(String.init) ?? ""
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
