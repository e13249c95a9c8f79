// The namespaces nearly every file of the module uses, named once for the project instead of at the top of each.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using BizConf.PowerShell.Engine;
global using BizConf.PowerShell.Internal;
