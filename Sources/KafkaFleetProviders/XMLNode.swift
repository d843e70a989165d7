import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element with its text and child elements: enough to read the answers of the Route53 API.
/// Namespaces and attributes are dropped; names are local names.
struct XMLNode: Sendable {
    /// The element's local name.
    var name: String
    /// The element's own text, trimmed.
    var text: String
    /// The child elements in document order.
    var children: [XMLNode]

    /// The first child with this name.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The children with this name.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The text of the element at this path of child names, e.g. `["Error", "Code"]`.
    func text(at path: String...) -> String? {
        var node = self
        for name in path {
            guard let next = node.child(name) else { return nil }
            node = next
        }
        return node.text
    }

    /// The document element of `bytes`, or `nil` if they are not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> XMLNode? {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    /// Builds the tree from parser events; used on one thread by one `parse` call.
    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            stack.append(XMLNode(name: elementName, text: "", children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard var node = stack.popLast() else { return }
            node.text = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty {
                root = node
            } else {
                stack[stack.count - 1].children.append(node)
            }
        }
    }
}

/// Escapes text for an XML element's content.
func xmlEscaped(_ text: String) -> String {
    var output = ""
    for character in text {
        switch character {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "'": output += "&apos;"
        default: output.append(character)
        }
    }
    return output
}
