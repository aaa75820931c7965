document.getElementById("app")!.textContent = "Upflow import";
