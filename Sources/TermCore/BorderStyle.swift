/// The characters of a box border.
public struct BorderStyle: Hashable, Sendable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal; self.vertical = vertical
        self.topLeft = topLeft; self.topRight = topRight; self.bottomLeft = bottomLeft; self.bottomRight = bottomRight
    }

    /// `┌─┐│└┘`
    public static let single = BorderStyle(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    /// `╭─╮│╰╯`
    public static let rounded = BorderStyle(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    /// `┏━┓┃┗┛`
    public static let heavy = BorderStyle(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
    /// `╔═╗║╚╝`
    public static let double = BorderStyle(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝")
    /// `+-+|++`, for terminals without line drawing.
    public static let ascii = BorderStyle(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}

extension CellBuffer {
    /// Draws a border around the edge of `rect` (clipped), with an optional title in the top edge.
    /// Returns the inside of the box.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, border: BorderStyle = .single, style: Style = .plain,
                                 title: Line? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(origin: rect.origin, size: .zero) }
        let h = String(border.horizontal), v = String(border.vertical)
        for x in rect.x + 1..<rect.maxX - 1 {
            draw(h, at: Point(x: x, y: rect.y), style: style)
            draw(h, at: Point(x: x, y: rect.maxY - 1), style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            draw(v, at: Point(x: rect.x, y: y), style: style)
            draw(v, at: Point(x: rect.maxX - 1, y: y), style: style)
        }
        draw(String(border.topLeft), at: rect.origin, style: style)
        draw(String(border.topRight), at: Point(x: rect.maxX - 1, y: rect.y), style: style)
        draw(String(border.bottomLeft), at: Point(x: rect.x, y: rect.maxY - 1), style: style)
        draw(String(border.bottomRight), at: Point(x: rect.maxX - 1, y: rect.maxY - 1), style: style)
        if let title, rect.width > 4 {
            let room = rect.width - 4
            draw(title.truncated(to: room), at: Point(x: rect.x + 2, y: rect.y))
        }
        return rect.inset(by: 1)
    }
}
