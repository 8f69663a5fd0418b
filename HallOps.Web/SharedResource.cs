using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace HallOps.Web;

/// <summary>Marker for the UI's text resources: Resources/SharedResource.resx (zh-CN) and .en.resx.</summary>
public sealed class SharedResource;
