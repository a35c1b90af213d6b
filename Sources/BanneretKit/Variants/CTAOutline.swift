/// The outline style of a call-to-action: the button that holds the label
/// (the topmost shape drawn before it that contains it) loses its fill and
/// keeps an outline in its colour, and the label takes that colour. The
/// button's colour was chosen to stand out from what surrounds it, so the
/// label still reads.
enum CTAOutline {
    static func apply(to elements: [BannerSpec.Element], labels: Set<String>, strokeWidth: Double) -> [BannerSpec.Element] {
        var result = elements
        for (labelIndex, element) in elements.enumerated() {
            guard case .text(var label) = element, labels.contains(label.id) else { continue }
            guard let buttonIndex = result[..<labelIndex].lastIndex(where: { candidate in
                if case .shape = candidate { return candidate.frame.contains(label.frame) }
                return false
            }), case .shape(var button) = result[buttonIndex], case .solid(let color) = button.fill, color.alpha == 1 else { continue }
            button.fill = .solid(color.withAlpha(0))
            button.stroke = ShapeElement.Stroke(color: color, width: strokeWidth)
            label.style.color = color
            result[buttonIndex] = .shape(button)
            result[labelIndex] = .text(label)
        }
        return result
    }
}
