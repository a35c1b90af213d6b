/// The seam through which layout learns how big a text is, without knowing
/// about fonts or Pango (as Yoga's measure function).
protocol TextMeasuring {
    func fit(_ text: String, style: TextStyle, in box: (width: Double, height: Double)) -> FittedText
}

extension TextSetter: TextMeasuring {}
