// Attribute values and themes are defined in core/spans; the language features import them from here.
export { splitAttributeValue, type ValuePart } from '../spans/attributeValueParts';
export { attributeDefinition, isThemeAttribute, knownCodes, spanThemes, spanThemeNames } from '../spans/spanThemes';
