using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using BizConf.PowerShell.Internal;

namespace BizConf.PowerShell.Tests;

/// <summary>
/// The module's cmdlets as its compiled metadata describes them. Read with System.Reflection.Metadata rather than
/// reflection, because this test process has no System.Management.Automation to load the cmdlet types with.
/// </summary>
internal sealed class ModuleMetadata : IDisposable
{
    private const string Automation = "System.Management.Automation.";
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly PEReader pe;
    private readonly MetadataReader reader;

    /// <summary>Opens the module's own assembly, as built beside the tests.</summary>
    public ModuleMetadata()
    {
        pe = new PEReader(File.OpenRead(typeof(AssemblyResolver).Assembly.Location));
        reader = pe.GetMetadataReader();
    }

    /// <summary>Every class of the module, with the facts the convention tests look at.</summary>
    public IReadOnlyList<ModuleType> Types() => reader.TypeDefinitions
        .Select(handle => reader.GetTypeDefinition(handle))
        .Select(type => new ModuleType(
            FullName(type),
            type.BaseType.IsNil ? string.Empty : NameOf(type.BaseType),
            type.GetCustomAttributes().Any(a => AttributeName(reader.GetCustomAttribute(a)) == Automation + "CmdletAttribute"),
            type.GetProperties().Any(p => TakesPipelineInput(reader.GetPropertyDefinition(p))),
            type.GetFields().Select(f => reader.GetFieldDefinition(f).DecodeSignature(new SignatureNames(this), null)).ToList(),
            CallsIn(type, "BeginProcessing")))
        .ToList();

    public void Dispose() => pe.Dispose();

    /// <summary>The methods that <paramref name="methodName"/> of the named class calls (Type.Method), from its IL.</summary>
    public IReadOnlyList<string> CallsIn(string typeName, string methodName) =>
        CallsIn(reader.TypeDefinitions.Select(handle => reader.GetTypeDefinition(handle)).Single(type => FullName(type) == typeName), methodName);

    private bool TakesPipelineInput(PropertyDefinition property) => property.GetCustomAttributes()
        .Select(handle => reader.GetCustomAttribute(handle))
        .Where(attribute => AttributeName(attribute) == Automation + "ParameterAttribute")
        .SelectMany(attribute => attribute.DecodeValue(new AttributeNames(this)).NamedArguments)
        .Any(argument => argument.Name is "ValueFromPipeline" or "ValueFromPipelineByPropertyName" && argument.Value is true);

    /// <summary>The methods a method of this name calls (Type.Method), from its IL; empty when the type has none.</summary>
    private IReadOnlyList<string> CallsIn(TypeDefinition type, string methodName)
    {
        var calls = new List<string>();
        foreach (var method in type.GetMethods().Select(m => reader.GetMethodDefinition(m)).Where(m => reader.GetString(m.Name) == methodName && m.RelativeVirtualAddress != 0))
        {
            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                var first = il.ReadByte();
                var opCode = OpCodesByValue[first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : first];
                if (opCode.OperandType == OperandType.InlineMethod)
                {
                    calls.Add(MethodName(MetadataTokens.EntityHandle(il.ReadInt32())));
                    continue;
                }

                var size = OperandSize(opCode.OperandType, ref il);
                il.Offset += size;
            }
        }

        return calls;
    }

    private static int OperandSize(OperandType operand, ref BlobReader il) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 * il.ReadInt32(),
        _ => 4,
    };

    private string MethodName(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MethodDefinition => NameOf(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()) + "." +
            reader.GetString(reader.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
        HandleKind.MemberReference => NameOf(reader.GetMemberReference((MemberReferenceHandle)handle).Parent) + "." +
            reader.GetString(reader.GetMemberReference((MemberReferenceHandle)handle).Name),
        HandleKind.MethodSpecification => MethodName(reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
        _ => handle.Kind.ToString(),
    };

    private string AttributeName(CustomAttribute attribute) => attribute.Constructor.Kind == HandleKind.MemberReference
        ? NameOf(reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent)
        : NameOf(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType());

    private string NameOf(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => FullName(reader.GetTypeDefinition((TypeDefinitionHandle)handle)),
        HandleKind.TypeReference => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)handle).Namespace) + "." +
            reader.GetString(reader.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new SignatureNames(this), null),
        _ => handle.Kind.ToString(),
    };

    private string FullName(TypeDefinition type) => type.GetDeclaringType().IsNil
        ? reader.GetString(type.Namespace) + "." + reader.GetString(type.Name)
        : FullName(reader.GetTypeDefinition(type.GetDeclaringType())) + "+" + reader.GetString(type.Name);

    /// <summary>Type names of signatures, generic arguments left out: enough to tell ItemEngine from the rest.</summary>
    private sealed class SignatureNames(ModuleMetadata metadata) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => metadata.NameOf(handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => metadata.NameOf(handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => metadata.NameOf(handle);
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }

    /// <summary>Decodes attribute arguments; the parameter attributes looked at carry booleans and strings only.</summary>
    private sealed class AttributeNames(ModuleMetadata metadata) : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSystemType() => "System.Type";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => metadata.NameOf(handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => metadata.NameOf(handle);
        public string GetTypeFromSerializedName(string name) => name;
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string type) => type == "System.Type";
    }
}

/// <summary>One class of the module: its base, whether it is a cmdlet taking pipeline input, its field types, and what its BeginProcessing calls.</summary>
internal sealed record ModuleType(string Name, string BaseType, bool IsCmdlet, bool TakesPipelineInput, IReadOnlyList<string> FieldTypes, IReadOnlyList<string> BeginCalls);
